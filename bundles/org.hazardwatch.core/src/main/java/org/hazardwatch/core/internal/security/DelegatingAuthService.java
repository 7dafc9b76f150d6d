package org.hazardwatch.core.internal.security;

import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.LoginResult;
import org.hazardwatch.api.auth.PasswordPolicy;
import org.hazardwatch.api.auth.SessionInfo;
import org.hazardwatch.api.auth.TotpEnrolment;

/** Forwards every call; subclasses add to single calls. */
class DelegatingAuthService implements AuthService {

    private final AuthService delegate;

    DelegatingAuthService(AuthService delegate) {
        this.delegate = delegate;
    }

    @Override
    public LoginResult login(String username, char[] password, String totpCode, String clientIp, String userAgent) {
        return delegate.login(username, password, totpCode, clientIp, userAgent);
    }

    @Override
    public Optional<AuthSession> validate(String token) {
        return delegate.validate(token);
    }

    @Override
    public void logout(String token) {
        delegate.logout(token);
    }

    @Override
    public int logoutAll(String username) {
        return delegate.logoutAll(username);
    }

    @Override
    public List<SessionInfo> sessions(String username, String currentToken) {
        return delegate.sessions(username, currentToken);
    }

    @Override
    public void changePassword(String username, char[] currentPassword, char[] newPassword) {
        delegate.changePassword(username, currentPassword, newPassword);
    }

    @Override
    public PasswordPolicy policy() {
        return delegate.policy();
    }

    @Override
    public TotpEnrolment beginTotp(String username) {
        return delegate.beginTotp(username);
    }

    @Override
    public boolean confirmTotp(String username, String code) {
        return delegate.confirmTotp(username, code);
    }

    @Override
    public boolean disableTotp(String username, String code) {
        return delegate.disableTotp(username, code);
    }
}
