package org.covenantvoices.console.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password (from the sign-in form or HTTP Basic alike), refusing addresses with too many
 * failures and locking user names after repeated wrong passwords.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(GuardedAuthenticationProvider.class);

	private final DaoAuthenticationProvider passwords;

	private final ConsoleUsers users;

	private final SignInGuard guard;

	GuardedAuthenticationProvider(ConsoleUsers users, PasswordEncoder encoder, SignInGuard guard) {
		this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.users = users;
		this.guard = guard;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = address(authentication);
		String username = authentication.getName() == null ? "" : authentication.getName().strip();
		try {
			if (guard.addressBlocked(address)) {
				throw new SignInThrottledException();
			}
			if (guard.unknownNameLocked(username)) {
				throw new LockedException("locked");
			}
		}
		catch (RuntimeException e) {
			if (e instanceof AuthenticationException) {
				throw e;
			}
			throw new InternalAuthenticationServiceException("sign-in checks unavailable", e);
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			users.recordSuccess(result.getName());
			return result;
		}
		catch (BadCredentialsException e) {
			throw failed(address, username, e);
		}
		catch (InternalAuthenticationServiceException e) {
			throw e;
		}
		catch (AuthenticationException e) {
			guarded(() -> guard.failedFrom(address));
			throw e;
		}
	}

	/** Counts the failure; the one that reaches the limit is answered as a lock, as every later one will be. */
	private AuthenticationException failed(String address, String username, BadCredentialsException e) {
		return guarded(() -> {
			guard.failedFrom(address);
			int limit = guard.limits().maxFailures();
			Optional<Integer> known = username.isEmpty() ? Optional.of(0)
					: users.recordFailure(username, limit, guard.limits().window(), guard.limits().lockFor());
			long failures = known.map(Integer::longValue).orElseGet(() -> guard.failedForUnknownName(username));
			if (known.isPresent() && failures == limit) {
				// Only for real accounts: a mistyped name may be someone's password.
				log.warn("Console user {} locked for {} after {} wrong passwords", username, guard.limits().lockFor(),
						failures);
			}
			return failures >= limit ? new LockedException("locked") : e;
		});
	}

	private static <T> T guarded(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (RuntimeException e) {
			throw new InternalAuthenticationServiceException("sign-in checks unavailable", e);
		}
	}

	private static void guarded(Runnable action) {
		guarded(() -> {
			action.run();
			return null;
		});
	}

	private static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
