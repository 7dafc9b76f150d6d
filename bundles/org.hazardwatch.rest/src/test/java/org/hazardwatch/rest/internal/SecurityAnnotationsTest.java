package org.hazardwatch.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every operation declares its permission, every change and export is audited, secrets never reach the log. */
class SecurityAnnotationsTest {

    /**
     * POSTs not audited by the filter: the login (the auth service audits it, knowing the outcome before any caller
     * exists), enrolment and renewal (no caller either: the resource audits them under the organisation), heartbeats
     * (every minute from every node: the node registry keeps the last one), the grading calculator (it computes, it
     * stores and changes nothing), readings and alarms of local systems (measurements and their alarm journal, as an
     * adapter's readings and the alarm engine's alarms are not audited) and
     * their registration data (the intake audits what it wrote, for SOAP and REST alike), and the task workflow (the
     * service audits each step with its transition, local or received through the exchange), and the registration
     * and hidden-danger workflows and equipment inspection (the services audit each step and each file with its checksum).
     */
    static final Set<String> AUDITED_ELSEWHERE = Set.of("AuthResource.login", "GradingResource.grade", "ExchangeResource.enrol",
            "ExchangeResource.renew", "ExchangeResource.heartbeat", "IntegrationResource.readings",
            "IntegrationResource.registration", "IntegrationResource.alarms", "TasksResource.issue", "TasksResource.forward", "TasksResource.attach",
            "TasksResource.act", "RegistrationsResource.apply", "RegistrationsResource.attach", "RegistrationsResource.removeDocument",
            "RegistrationsResource.act", "HiddenDangersResource.record", "HiddenDangersResource.act", "HiddenDangersResource.plan",
            "HiddenDangersResource.progress", "HiddenDangersResource.attach", "HiddenDangersResource.planInspection",
            "HiddenDangersResource.complete", "EquipmentResource.register", "EquipmentResource.retire", "EquipmentResource.inspect",
            "EquipmentResource.certify", "AccidentsResource.record", "AccidentsResource.update", "AccidentsResource.voidRecord",
            "AccidentsResource.importFile");

    static List<Method> operations() {
        List<Method> operations = new ArrayList<>();
        for (Class<?> resource : OpenApiDocumentTest.RESOURCES) {
            for (Method method : resource.getMethods()) {
                if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class)) {
                    operations.add(method);
                }
            }
        }
        return operations;
    }

    @Test
    void everyOperationDeclaresItsPermission() {
        List<String> missing = new ArrayList<>();
        for (Method method : operations()) {
            if (AuthFilter.required(method, method.getDeclaringClass()) == null) {
                missing.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        assertEquals(List.of(), missing, "operations the filter would refuse for want of a @Requires");
        assertNull(AuthFilter.required(null, Object.class), "no annotation anywhere: refused");
    }

    @Test
    void everyChangeAndEveryExportIsAudited() {
        List<String> missing = new ArrayList<>();
        for (Method method : operations()) {
            String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            Path path = method.getAnnotation(Path.class);
            boolean export = path != null && (path.value().contains("export") || path.value().endsWith(".pdf"));
            boolean changes = !method.isAnnotationPresent(GET.class);
            if ((changes || export) && !method.isAnnotationPresent(Audited.class) && !AUDITED_ELSEWHERE.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void onlyTheDocumentedOperationsArePublicOrOpenToEveryone() {
        List<String> open = new ArrayList<>();
        for (Method method : operations()) {
            Requires requires = AuthFilter.required(method, method.getDeclaringClass());
            if (requires != null && requires.value().length == 0) {
                open.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        open.sort(null);
        assertEquals(List.of("AuthResource.changePassword", "AuthResource.confirmTotp", "AuthResource.disableTotp",
                "AuthResource.login", "AuthResource.logout", "AuthResource.logoutAll", "AuthResource.me", "AuthResource.policy",
                "AuthResource.sessions", "AuthResource.setupTotp", "ExchangeResource.authority", "ExchangeResource.directory", "ExchangeResource.enrol",
                "ExchangeResource.heartbeat", "ExchangeResource.renew", "ExchangeResource.revocationList", "HealthResource.health", "OpenApiResource.document",
                "OrganisationsResource.get", "OrganisationsResource.list", "TodoResource.todo"), open);
    }

    @Test
    void secretsAreRedactedBeforeTheyAreLogged() throws Exception {
        ObjectMapper mapper = RestComponent.mapper();
        JsonNode tree = mapper.readTree("{\"username\":\"zhangsan\",\"password\":\"Secret-1\",\"nested\":[{\"newPassword\":\"x\"}],"
                + "\"totp\":\"123456\",\"note\":\"ok\"}");
        AuditFilter.redact(tree);
        String json = mapper.writeValueAsString(tree);
        assertTrue(json.contains("\"password\":\"***\""), json);
        assertTrue(json.contains("\"newPassword\":\"***\""), json);
        assertTrue(json.contains("\"totp\":\"***\""), json);
        assertTrue(json.contains("\"note\":\"ok\"") && json.contains("zhangsan"), json);
    }

    @Test
    void permissionsTravelAsTheirCodes() throws Exception {
        ObjectMapper mapper = RestComponent.mapper();
        assertEquals("\"alarm:acknowledge\"", mapper.writeValueAsString(org.hazardwatch.api.security.Permission.ALARM_ACKNOWLEDGE));
        assertEquals(org.hazardwatch.api.security.Permission.AUDIT_VIEW,
                mapper.readValue("\"audit:view\"", org.hazardwatch.api.security.Permission.class));
    }

    @Test
    void sessionCookiesAreHttpOnlyAndStrict() {
        String cookie = AuthResource.sessionCookie("token", true, -1);
        assertTrue(cookie.startsWith("HW_SESSION=token; Path=/api; HttpOnly; SameSite=Strict; Secure"), cookie);
        assertTrue(AuthResource.sessionCookie("", false, 0).endsWith("Max-Age=0"));
    }
}
