package cn.yongkang.campaign.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.yongkang.campaign.account.ConsoleAccounts;

/** The login form; a failure says why without telling whether the login exists. */
@Controller
@ConditionalOnWebApplication
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			HttpSession session, Model model) {
		if (error != null) {
			Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("error",
					failure instanceof LockedException
							? "连续 " + ConsoleAccounts.MAX_FAILURES + " 次密码错误，账号已锁定 "
									+ ConsoleAccounts.LOCK_OUT.toMinutes() + " 分钟，请稍后再试。"
							: failure instanceof DisabledException ? "该账号已停用，请联系运维人员。" : "用户名或密码错误。");
		}
		if (logout != null) {
			model.addAttribute("notice", "已退出登录。");
		}
		return "login";
	}

}
