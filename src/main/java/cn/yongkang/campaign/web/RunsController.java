package cn.yongkang.campaign.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.pipeline.LaunchException;

/**
 * One execution: its steps and parameters, its progress while it runs, and the actions.
 */
@Controller
@ConditionalOnWebApplication
class RunsController {

	private final NightlyOperations operations;

	RunsController(NightlyOperations operations) {
		this.operations = operations;
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("run", find(id));
		model.addAttribute("stages", NightlyOperations.stages());
		return "run";
	}

	/** The progress panel alone, which the page polls (htmx) while the execution runs. */
	@GetMapping("/runs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", find(id));
		return "run :: progress";
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes flash) {
		find(id);
		return NightsController.Actions.redirect(flash, "/runs/" + id, () -> this.operations.startRestart(id));
	}

	@PostMapping("/runs/{id}/abandon")
	String abandon(@PathVariable long id, RedirectAttributes flash) {
		find(id);
		try {
			RunRecord run = this.operations.abandon(id);
			flash.addFlashAttribute("notice", "执行 " + id + " 已标记为放弃；"
					+ (run.doneSinceBy() != null ? "该日期已由执行 " + run.doneSinceBy() + " 完成。" : "该日期可重新运行。"));
		}
		catch (LaunchException ex) {
			flash.addFlashAttribute("error", "操作未执行：" + ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes flash) {
		find(id);
		try {
			this.operations.stop(id);
			flash.addFlashAttribute("notice", "已请求停止：当前文件处理完后停止，之后可“继续运行”。");
		}
		catch (LaunchException ex) {
			flash.addFlashAttribute("error", "操作未执行：" + ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	private RunRecord find(long id) {
		return this.operations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
