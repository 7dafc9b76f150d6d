package org.hazardwatch.rest.internal;

import java.time.Instant;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record LoginRequest(String username, String password) {
    }

    public record LoginResponse(String token, String username, Instant expiresAt) {
    }

    public record Me(String username, Instant expiresAt) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public LoginResponse login(LoginRequest request) {
        if (request == null || request.username() == null || request.password() == null
                || request.username().isBlank() || request.password().isEmpty()) {
            throw new IllegalArgumentException("username and password are required");
        }
        AuthSession session = auth.login(request.username().strip(), request.password().toCharArray())
                .orElseThrow(() -> new NotAuthorizedException("wrong username or password", "Bearer"));
        return new LoginResponse(session.token(), session.username(), session.expiresAt());
    }

    @POST
    @Path("/logout")
    public Response logout(@Context HttpHeaders headers) {
        auth.logout(AuthFilter.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION)));
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    public Me me(@Context HttpHeaders headers) {
        AuthSession session = session(headers);
        return new Me(session.username(), session.expiresAt());
    }

    /** Changes the caller's password; every session of the user ends, this one included. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@Context HttpHeaders headers, PasswordChange change) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw new IllegalArgumentException("currentPassword and newPassword are required");
        }
        auth.changePassword(session(headers).username(), change.currentPassword().toCharArray(),
                change.newPassword().toCharArray());
        return Response.noContent().build();
    }

    private AuthSession session(HttpHeaders headers) {
        return auth.validate(AuthFilter.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION)))
                .orElseThrow(() -> new NotAuthorizedException("not logged in", "Bearer"));
    }
}
