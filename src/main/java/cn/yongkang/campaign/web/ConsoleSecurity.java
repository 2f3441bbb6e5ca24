package cn.yongkang.campaign.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import cn.yongkang.campaign.account.ConsoleAccounts;

/**
 * Who may do what. Pages: form login and a session, CSRF on every POST. {@code /api/**}
 * and {@code /actuator/**}: HTTP Basic per request, no session (so no CSRF either, as no
 * cookie authenticates them), 401 without credentials rather than a login page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurity {

	/** Scripts only from the jar; nothing may frame the console. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return ConsoleAccounts.passwordEncoder();
	}

	/** Failed and successful logins become events, which count towards the lock-out. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("campaign-pipeline");
		entryPoint.afterPropertiesSet();
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("OPERATOR")
				.requestMatchers("/api/runs/**")
				.hasAnyRole("OPERATOR", "OFFICE")
				.requestMatchers("/api/upload")
				.hasRole("TOWNSHIP")
				.requestMatchers("/api/uploads")
				.hasAnyRole("OPERATOR", "OFFICE")
				.requestMatchers(HttpMethod.GET, "/api/nights")
				.hasAnyRole("OPERATOR", "OFFICE")
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/runs/**", "/nights/*/rerun", "/nights/*/run")
			.hasRole("OPERATOR")
			.requestMatchers("/runs/**")
			.hasAnyRole("OPERATOR", "OFFICE")
			.requestMatchers("/upload", "/upload/**")
			.hasRole("TOWNSHIP")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
