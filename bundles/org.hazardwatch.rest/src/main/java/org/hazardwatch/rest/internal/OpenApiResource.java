package org.hazardwatch.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Serves the API description, kept beside the code and checked against the resources by a test. */
@Path("/openapi.json")
@Requires({})
public class OpenApiResource {

    static final String DOCUMENT = "/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the bundle");
            }
            return Response.ok(in.readAllBytes()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
