package cn.yongkang.campaign.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.yongkang.campaign.account.AccountPrincipal;

/** Every page knows who is looking ({@code me}), for the menu and the buttons. */
@ControllerAdvice
@ConditionalOnWebApplication
class CurrentAccount {

	@ModelAttribute("me")
	AccountPrincipal me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal
				: null;
	}

}
