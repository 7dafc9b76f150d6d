package org.hazardwatch.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.auth.PasswordChangeException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ErrorMapperTest {

    final ErrorMapper mapper = new ErrorMapper();

    ApiError body(Response response) {
        return (ApiError) response.getEntity();
    }

    @Test
    void knownFailuresKeepTheirStatusAndMessage() {
        assertEquals(404, mapper.toResponse(new NotFoundException("no monitoring point 'X'")).getStatus());
        assertEquals("no monitoring point 'X'", body(mapper.toResponse(new NotFoundException("no monitoring point 'X'"))).message());
        assertEquals(400, mapper.toResponse(new IllegalArgumentException("username and password are required")).getStatus());
    }

    @Test
    void aCallerThatWentAwayIsNoServerErrorAndGetsNoBody() {
        Response gone = mapper.toResponse(new RuntimeException("writing the answer", new java.io.IOException("Broken pipe")));
        assertEquals(503, gone.getStatus());
        assertFalse(gone.hasEntity(), "nothing to write to a closed connection");
        assertTrue(ErrorMapper.clientWentAway(new java.io.UncheckedIOException(new java.io.IOException("Connection reset by peer"))));
        assertFalse(ErrorMapper.clientWentAway(new java.io.IOException("disk full")));
        Response real = mapper.toResponse(new RuntimeException("a defect"));
        assertEquals(500, real.getStatus());
        assertTrue(real.hasEntity(), "a real failure is answered with its reference");
    }

    @Test
    void refusedPasswordChangesCarryATranslatableCode() {
        Response wrong = mapper.toResponse(new PasswordChangeException(PasswordChangeException.Reason.CURRENT_PASSWORD_WRONG, "x"));
        assertEquals(403, wrong.getStatus());
        assertEquals("CURRENT_PASSWORD_WRONG", body(wrong).code());
        Response shortOne = mapper.toResponse(new PasswordChangeException(PasswordChangeException.Reason.PASSWORD_TOO_SHORT, "y"));
        assertEquals(400, shortOne.getStatus());
        assertEquals("PASSWORD_TOO_SHORT", body(shortOne).code());
        assertEquals(null, body(mapper.toResponse(new IllegalArgumentException("z"))).code());
    }

    @Test
    void malformedJsonIsABadRequest() {
        Exception parse = null;
        try {
            new ObjectMapper().readTree("{\"username\": ");
        } catch (Exception e) {
            parse = e;
        }
        Response response = mapper.toResponse(parse);
        assertEquals(400, response.getStatus());
        assertTrue(body(response).message().startsWith("malformed JSON"), body(response).message());
    }

    @Test
    void unexpectedFailuresHideTheirInternals() {
        Response response = mapper.toResponse(new NullPointerException("secret internal detail"));
        assertEquals(500, response.getStatus());
        assertFalse(body(response).message().contains("secret"));
        assertTrue(body(response).message().startsWith("internal error, reference "));
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorOnItsField() {
        Exception mismatch = null;
        try {
            new ObjectMapper().readValue("{\"code\":\"HS-1\",\"units\":[{\"code\":\"U1\",\"kind\":\"TANK_FARM\"}]}",
                    org.hazardwatch.api.hazard.HazardSource.class);
        } catch (Exception e) {
            mismatch = e;
        }
        Response response = mapper.toResponse(mismatch);
        assertEquals(400, response.getStatus());
        assertEquals("VALIDATION", body(response).code());
        assertEquals("units[0].kind", body(response).fieldErrors().get(0).field());
        assertEquals("must be one of [PRODUCTION, STORAGE]", body(response).fieldErrors().get(0).message());
    }
}
