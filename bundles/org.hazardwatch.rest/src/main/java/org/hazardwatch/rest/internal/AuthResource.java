package org.hazardwatch.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.LoginResult;
import org.hazardwatch.api.auth.PasswordPolicy;
import org.hazardwatch.api.auth.SessionInfo;
import org.hazardwatch.api.auth.TotpEnrolment;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.OrganisationService;

/** Login, logout, the caller's own account: password, second factor, sessions. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Requires({})
public class AuthResource extends ScopedResource {

    public record LoginRequest(String username, String password, String totp, Boolean cookie) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record LoginResponse(String token, String username, String displayName, Instant expiresAt, String csrfToken,
            boolean mustChangePassword) {
    }

    public record OrganisationRef(Long id, String name, OrgLevel level, String regionCode, String regionName, String enterpriseUscc) {
    }

    public record DepartmentRef(Long id, String name) {
    }

    public record RoleRef(Long id, String code, String name) {
    }

    public record Me(String username, String displayName, OrganisationRef organisation, DepartmentRef department,
            List<RoleRef> roles, Set<String> permissions, DataScope scope, Set<String> liveGrants, boolean totpEnabled,
            boolean mustChangePassword, Instant expiresAt, String csrfToken) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record TotpCode(String code) {
    }

    private final AuthService auth;
    private final AccountService accounts;
    private final OrganisationService organisations;

    public AuthResource(AuthService auth, AccessControl access, AccountService accounts, OrganisationService organisations) {
        super(access);
        this.auth = auth;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest login, @Context HttpServletRequest http) {
        if (login == null || login.username() == null || login.password() == null || login.username().isBlank()
                || login.password().isEmpty()) {
            throw new IllegalArgumentException("username and password are required");
        }
        String userAgent = http.getHeader("User-Agent");
        LoginResult result = auth.login(login.username().strip(), login.password().toCharArray(), login.totp(), http.getRemoteAddr(),
                userAgent);
        if (!result.ok()) {
            return switch (result.outcome()) {
                case LOCKED -> Response.status(423).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new Locked(423, "the account is locked after repeated failed logins; try again after "
                                + result.lockedUntil(), "ACCOUNT_LOCKED", result.lockedUntil())).build();
                case TOTP_REQUIRED -> unauthorized("enter the code of your authenticator app", "TOTP_REQUIRED");
                case TOTP_WRONG -> unauthorized("the second-factor code is wrong or was used already", "TOTP_WRONG");
                case DISABLED -> unauthorized("the account is disabled", "ACCOUNT_DISABLED");
                default -> unauthorized("wrong username or password", "BAD_CREDENTIALS");
            };
        }
        AuthSession session = result.session();
        String displayName = accounts.account(Caller.system("login"), session.username()).map(Account::displayName)
                .orElse(session.username());
        boolean cookie = Boolean.TRUE.equals(login.cookie());
        Response.ResponseBuilder answer = Response.ok(new LoginResponse(cookie ? null : session.token(), session.username(),
                displayName, session.expiresAt(), session.csrfToken(), session.mustChangePassword()));
        if (cookie) {
            answer.header(HttpHeaders.SET_COOKIE, sessionCookie(session.token(), http.isSecure(), -1));
        }
        return answer.build();
    }

    public record Locked(int status, String message, String code, Instant lockedUntil) {
    }

    private static Response unauthorized(String message, String code) {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new ApiError(401, message, code, null)).build();
    }

    /** HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages do not send it), only for /api. */
    static String sessionCookie(String value, boolean secure, int maxAge) {
        return AuthFilter.SESSION_COOKIE + "=" + value + "; Path=/api; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    @GET
    @Path("/policy")
    public PasswordPolicy policy() {
        return auth.policy();
    }

    @POST
    @Path("/logout")
    @Audited(value = "auth.logout", target = "account")
    public Response logout(@Context HttpServletRequest http) {
        auth.logout((String) http.getAttribute(Callers.TOKEN));
        AuditTrail.target(http, caller().username());
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessionCookie("", http.isSecure(), 0)).build();
    }

    @POST
    @Path("/logout-all")
    @Audited(value = "auth.logout-all", target = "account")
    public Response logoutAll(@Context HttpServletRequest http) {
        int ended = auth.logoutAll(caller().username());
        AuditTrail.target(http, caller().username());
        AuditTrail.detail(http, ended + " session(s) ended");
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessionCookie("", http.isSecure(), 0)).build();
    }

    @GET
    @Path("/me")
    public Me me(@Context HttpServletRequest http) {
        Caller caller = caller();
        AuthSession session = auth.validate((String) http.getAttribute(Callers.TOKEN))
                .orElseThrow(() -> new javax.ws.rs.NotAuthorizedException("not logged in", "Bearer"));
        Account account = accounts.account(Caller.system("me"), caller.username()).orElseThrow();
        Organisation o = organisations.get(caller, caller.organisationId()).orElse(null);
        Set<String> permissions = new TreeSet<>();
        caller.permissions().forEach(p -> permissions.add(p.code()));
        return new Me(caller.username(), caller.displayName(),
                o == null ? null : new OrganisationRef(o.id(), o.name(), o.level(), o.regionCode(), o.regionName(), o.enterpriseUscc()),
                account.departmentId() == null ? null : new DepartmentRef(account.departmentId(), account.departmentName()),
                account.roles().stream().map(r -> new RoleRef(r.id(), r.code(), r.name())).toList(), permissions, caller.scope(),
                caller.liveGrants(), account.totpEnabled(), session.mustChangePassword(), session.expiresAt(),
                // a page of another origin cannot read this answer, so handing the token to a new tab is safe
                session.csrfToken());
    }

    @GET
    @Path("/sessions")
    public List<SessionInfo> sessions(@Context HttpServletRequest http) {
        return auth.sessions(caller().username(), (String) http.getAttribute(Callers.TOKEN));
    }

    /** Changes the caller's password; every session of the user ends, this one included. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "auth.password", target = "account")
    public Response changePassword(@Context HttpServletRequest http, PasswordChange change) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw new IllegalArgumentException("currentPassword and newPassword are required");
        }
        AuditTrail.target(http, caller().username());
        auth.changePassword(caller().username(), change.currentPassword().toCharArray(), change.newPassword().toCharArray());
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessionCookie("", http.isSecure(), 0)).build();
    }

    @POST
    @Path("/totp/setup")
    @Audited(value = "auth.totp-setup", target = "account")
    public TotpEnrolment setupTotp(@Context HttpServletRequest http) {
        AuditTrail.target(http, caller().username());
        return auth.beginTotp(caller().username());
    }

    @POST
    @Path("/totp/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "auth.totp-enable", target = "account")
    public Response confirmTotp(@Context HttpServletRequest http, TotpCode code) {
        AuditTrail.target(http, caller().username());
        if (code == null || !auth.confirmTotp(caller().username(), code.code())) {
            throw totpWrong();
        }
        access.invalidate();
        return Response.noContent().build();
    }

    @POST
    @Path("/totp/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "auth.totp-disable", target = "account")
    public Response disableTotp(@Context HttpServletRequest http, TotpCode code) {
        AuditTrail.target(http, caller().username());
        if (code == null || !auth.disableTotp(caller().username(), code.code())) {
            throw totpWrong();
        }
        return Response.noContent().build();
    }

    private static BadRequestException totpWrong() {
        return new BadRequestException(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(400, "the code does not match; check the time of your phone", "TOTP_WRONG", null)).build());
    }
}
