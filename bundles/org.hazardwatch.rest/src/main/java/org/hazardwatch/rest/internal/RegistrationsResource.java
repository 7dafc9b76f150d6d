package org.hazardwatch.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.registration.CancellationReason;
import org.hazardwatch.api.registration.DocumentType;
import org.hazardwatch.api.registration.RegistrationAction;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationKind;
import org.hazardwatch.api.registration.RegistrationService;
import org.hazardwatch.api.registration.RegistrationStatistics;
import org.hazardwatch.api.registration.RegistrationStatus;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/**
 * Registration and cancellation of major hazard sources (F1-F3): the enterprise applies with its documents, the county
 * or park returns, accepts, registers and notifies. Which step a person may take is the workflow's to say (409 with
 * the reason otherwise, 403 for someone without a part in it); the service audits every step.
 */
@Path("/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.REGISTRATION_VIEW)
public class RegistrationsResource extends ScopedResource {

    public record ApplicationInput(String kind, Long hazardSourceId, String reason, String statement) {
    }

    public record ActionInput(String note, String registrationNumber) {
    }

    private final RegistrationService registrations;

    public RegistrationsResource(RegistrationService registrations, AccessControl access) {
        super(access);
        this.registrations = registrations;
    }

    @GET
    public Page<RegistrationCase> search(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("region") String region, @QueryParam("enterpriseId") Long enterpriseId,
            @QueryParam("hazardSourceId") Long hazardSourceId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        RegistrationService.Query query = new RegistrationService.Query(Params.enumValue("kind", kind, RegistrationKind.class),
                Params.enumValue("status", status, RegistrationStatus.class), region, enterpriseId, hazardSourceId,
                Params.instant("from", from, null), Params.instant("to", to, null));
        return registrations.search(caller(), query, Params.number("page", page, 0, 0, 100_000), Params.number("size", size, 20, 1, 200));
    }

    /** Applications awaiting the caller: drafts and returned ones to (re)submit, submitted ones to review, and so on. */
    @GET
    @Path("/todo")
    public List<RegistrationCase> todo() {
        return registrations.todo(caller());
    }

    @GET
    @Path("/statistics")
    public RegistrationStatistics statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return registrations.statistics(caller(), Params.instant("from", from, null), Params.instant("to", to, null));
    }

    @GET
    @Path("/due-reassessments")
    public List<RegistrationService.DueReassessment> due(@QueryParam("withinDays") String withinDays) {
        return registrations.dueReassessments(caller(), Params.number("withinDays", withinDays, 90, 0, 3660));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRATION_APPLY)
    public Response apply(ApplicationInput input) {
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("kind", "REQUIRED", "kind, hazardSourceId, and reason for a cancellation")));
        }
        RegistrationCase created = registrations.apply(caller(), new RegistrationService.Application(
                Params.enumValue("kind", input.kind(), RegistrationKind.class), input.hazardSourceId(),
                Params.enumValue("reason", input.reason(), CancellationReason.class), input.statement()));
        return Response.created(URI.create("registrations/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public RegistrationCase get(@PathParam("id") String id) {
        return registrations.get(caller(), id).orElseThrow(() -> new NoSuchElementException("no application " + id));
    }

    /** Uploads a document as the raw request body; its type and name come in the query. */
    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.REGISTRATION_APPLY)
    public Response attach(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("type") String type,
            @QueryParam("fileName") String fileName, InputStream body) {
        String media = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        RegistrationDocument document = registrations.attach(caller(), id, Params.enumValue("type", type, DocumentType.class), fileName,
                media, body);
        return Response.created(URI.create("registrations/" + id + "/documents/" + document.id())).entity(document).build();
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("id") String id, @PathParam("documentId") long documentId) {
        RegistrationService.DocumentContent found = registrations.document(caller(), id, documentId)
                .orElseThrow(() -> new NoSuchElementException("application " + id + " has no document " + documentId));
        if (found.content().length == 0) {
            // a replica from a lower node: the content stays with the registrar
            throw new NoSuchElementException("document " + documentId + " is kept at the registering node " + get(id).originNode());
        }
        return Response.ok(found.content(), found.document().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encode(found.document().fileName()))
                .header("X-Content-SHA256", found.document().sha256()).build();
    }

    @DELETE
    @Path("/{id}/documents/{documentId}")
    @Requires(Permission.REGISTRATION_APPLY)
    public Response removeDocument(@PathParam("id") String id, @PathParam("documentId") long documentId) {
        registrations.removeDocument(caller(), id, documentId);
        return Response.noContent().build();
    }

    /** One step: SUBMIT, RETURN (note required), ACCEPT, REGISTER (optional registrationNumber), NOTIFY, WITHDRAW. */
    @POST
    @Path("/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationCase act(@PathParam("id") String id, @PathParam("action") String action, ActionInput input) {
        RegistrationAction step = Params.enumValue("action", action, RegistrationAction.class);
        return registrations.act(caller(), id, step, input == null ? null : input.note(), input == null ? null : input.registrationNumber());
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
