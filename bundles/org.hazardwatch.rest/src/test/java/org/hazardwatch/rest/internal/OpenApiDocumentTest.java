package org.hazardwatch.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document and the JAX-RS resources describe the same operations, and public ones match the filter. */
class OpenApiDocumentTest {

    static final List<Class<?>> RESOURCES = List.of(HealthResource.class, AuthResource.class, PointsResource.class,
            AlarmsResource.class, AlarmDefinitionsResource.class, AlarmDefinitionCatalogResource.class, AlarmKpisResource.class, EarlyWarningResource.class, DisposalsResource.class, AlarmDisposalResource.class, EmergencyPlansResource.class,
            RetentionResource.class, PointTrendResource.class, LiveResource.class, RoutesResource.class, GradingResource.class, RegistryResource.class, HazardSourcesResource.class,
            RegistryTransferResource.class, AdaptersResource.class, OpenApiResource.class, OrganisationsResource.class,
            UsersResource.class, RolesResource.class, AuditResource.class, AccessResource.class, ExchangeResource.class, IntegrationResource.class,
            TasksResource.class, RegistrationsResource.class, HiddenDangersResource.class,
            EquipmentResource.class, TodoResource.class, AccidentsResource.class, AnalyticsResource.class, OneMapResource.class);

    static Set<String> implementedOperations() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "get" : method.isAnnotationPresent(POST.class) ? "post"
                        : method.isAnnotationPresent(javax.ws.rs.PUT.class) ? "put"
                        : method.isAnnotationPresent(javax.ws.rs.DELETE.class) ? "delete" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                operations.add(verb + " " + path);
            }
        }
        return operations;
    }

    static JsonNode document() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertNotNull(in, "openapi.json on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOperationIsDocumentedAndNothingElse() throws Exception {
        JsonNode paths = document().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toLowerCase(Locale.ROOT) + " " + path.getKey())));
        assertEquals(implementedOperations(), documented);
    }

    @Test
    void publicOperationsAreExactlyThoseTheFilterLetsThrough() throws Exception {
        JsonNode paths = document().get("paths");
        Set<String> publicPaths = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode security = op.getValue().get("security");
            if (security != null && security.isArray() && security.isEmpty()) {
                publicPaths.add(path.getKey().substring(1));
            }
        }));
        assertEquals(new TreeSet<>(AuthFilter.PUBLIC_PATHS), publicPaths);
        assertTrue(AuthFilter.isPublic("/health"));
        assertTrue(AuthFilter.isPublic("auth/login/"));
        assertFalse(AuthFilter.isPublic("points"));
        assertFalse(AuthFilter.isPublic("healthz"));
    }

    @Test
    void bearerTokensAreParsedStrictly() {
        assertEquals("abc", AuthFilter.bearerToken("Bearer abc"));
        assertEquals("abc", AuthFilter.bearerToken("bearer  abc "));
        assertEquals(null, AuthFilter.bearerToken("Basic abc"));
        assertEquals(null, AuthFilter.bearerToken("Bearer "));
        assertEquals(null, AuthFilter.bearerToken(null));
    }
}
