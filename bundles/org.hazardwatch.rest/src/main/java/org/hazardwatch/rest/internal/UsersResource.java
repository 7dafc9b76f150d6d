package org.hazardwatch.rest.internal;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.AccountDraft;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.Permission;

/** Accounts of the caller's scope (G1, G2). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.USER_ADMINISTER)
public class UsersResource extends ScopedResource {

    public record PasswordInput(String password) {
    }

    private final AccountService accounts;

    public UsersResource(AccountService accounts, AccessControl access) {
        super(access);
        this.accounts = accounts;
    }

    @GET
    public Page<Account> list(@QueryParam("organisationId") Long organisationId, @QueryParam("text") String text,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return accounts.accounts(caller(), organisationId, text, Params.number("page", page, 0, 0, 100_000),
                Params.number("size", size, 20, 1, 200));
    }

    @GET
    @Path("/{username}")
    public Account get(@PathParam("username") String username) {
        return accounts.account(caller(), username).orElseThrow(() -> new NotFoundException("no account " + username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "user.create", target = "account", idParam = "username")
    public Response create(AccountDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("an account is required");
        }
        Account created = accounts.create(caller(), draft);
        AuditTrail.target(request, created.username());
        return Response.created(URI.create("users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "user.update", target = "account", idParam = "username")
    public Account update(@PathParam("username") String username, AccountDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("an account is required");
        }
        AuditTrail.before(request, get(username));
        return accounts.update(caller(), username, draft).orElseThrow(() -> new NotFoundException("no account " + username));
    }

    @POST
    @Path("/{username}/unlock")
    @Audited(value = "user.unlock", target = "account", idParam = "username")
    public Account unlock(@PathParam("username") String username) {
        return accounts.unlock(caller(), username).orElseThrow(() -> new NotFoundException("no account " + username));
    }

    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "user.password-reset", target = "account", idParam = "username")
    public Account resetPassword(@PathParam("username") String username, PasswordInput input) {
        if (input == null || input.password() == null) {
            throw new IllegalArgumentException("password is required");
        }
        return accounts.resetPassword(caller(), username, input.password().toCharArray())
                .orElseThrow(() -> new NotFoundException("no account " + username));
    }

    @POST
    @Path("/{username}/logout")
    @Audited(value = "user.logout", target = "account", idParam = "username")
    public Response endSessions(@PathParam("username") String username) {
        if (!accounts.endSessions(caller(), username)) {
            throw new NotFoundException("no account " + username);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/totp-reset")
    @Audited(value = "user.totp-reset", target = "account", idParam = "username")
    public Account resetTotp(@PathParam("username") String username) {
        return accounts.resetTotp(caller(), username).orElseThrow(() -> new NotFoundException("no account " + username));
    }
}
