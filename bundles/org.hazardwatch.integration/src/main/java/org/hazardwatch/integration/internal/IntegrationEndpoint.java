package org.hazardwatch.integration.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.annotation.Resource;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.servlet.http.HttpServletRequest;
import javax.xml.ws.WebServiceContext;
import javax.xml.ws.handler.MessageContext;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.integration.LocalSystemIntake;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;

/**
 * The SOAP service local systems call (requirement I1). Callers authenticate like REST clients: a session token from
 * {@code POST /api/auth/login} in the {@code Authorization: Bearer} header, of an account with {@code adapter:administer}
 * (an integration account of the plant; registration needs {@code registry:edit}). Readings take the adapters' path;
 * refused ones come back with the reason.
 */
@WebService(name = "Integration", serviceName = "IntegrationService", portName = "IntegrationPort", targetNamespace = IntegrationEndpoint.NAMESPACE)
public class IntegrationEndpoint {

    public static final String NAMESPACE = "urn:hazardwatch:integration:1";

    @Resource
    private WebServiceContext context;
    private final LocalSystemIntake intake;
    private final AuthService auth;
    private final AccessControl access;

    public IntegrationEndpoint(LocalSystemIntake intake, AuthService auth, AccessControl access) {
        this.intake = intake;
        this.auth = auth;
        this.access = access;
    }

    /** Submits readings (safety parameters) of the plant's points; at most 10,000 per call. */
    @WebMethod(operationName = "SubmitReadings")
    @WebResult(name = "result")
    public SoapTypes.SubmitReadingsResult submitReadings(@WebParam(name = "system") String system,
            @WebParam(name = "reading") List<SoapTypes.Reading> readings) throws IntegrationFault {
        Caller caller = caller(Permission.ADAPTER_ADMINISTER);
        List<LocalSystemIntake.SampleSubmission> submissions = new ArrayList<>();
        if (readings != null) {
            for (SoapTypes.Reading r : readings) {
                submissions.add(r == null ? null : new LocalSystemIntake.SampleSubmission(r.pointId, r.time == null ? null : r.time.toInstant(),
                        r.value, r.quality));
            }
        }
        LocalSystemIntake.SubmitResult result;
        try {
            result = intake.submitSamples(caller, system == null || system.isBlank() ? "soap" : system.strip(), submissions);
        } catch (IllegalArgumentException e) {
            throw new IntegrationFault("INVALID", e.getMessage());
        }
        return answer(result);
    }

    /**
     * Submits alarms the plant's systems raised and returned, in order; at most 1,000 per call. Refused ones come back
     * with their index and reason (as readings do).
     */
    @WebMethod(operationName = "SubmitAlarms")
    @WebResult(name = "result")
    public SoapTypes.SubmitReadingsResult submitAlarms(@WebParam(name = "system") String system,
            @WebParam(name = "alarm") List<SoapTypes.AlarmReport> alarms) throws IntegrationFault {
        Caller caller = caller(Permission.ADAPTER_ADMINISTER);
        List<LocalSystemIntake.AlarmSubmission> submissions = new ArrayList<>();
        if (alarms != null) {
            for (SoapTypes.AlarmReport a : alarms) {
                submissions.add(a == null ? null : new LocalSystemIntake.AlarmSubmission(a.pointId, a.kind, a.state,
                        a.time == null ? null : a.time.toInstant(), a.value, a.limit, a.priority));
            }
        }
        try {
            return answer(intake.submitAlarms(caller, system == null || system.isBlank() ? "soap" : system.strip(), submissions));
        } catch (IllegalArgumentException e) {
            throw new IntegrationFault("INVALID", e.getMessage());
        }
    }

    /** What a submission answers: how many were taken, and each refused one with its index and reason. */
    private static SoapTypes.SubmitReadingsResult answer(LocalSystemIntake.SubmitResult result) {
        SoapTypes.SubmitReadingsResult answer = new SoapTypes.SubmitReadingsResult();
        answer.accepted = result.accepted();
        for (LocalSystemIntake.Refusal refusal : result.refused()) {
            SoapTypes.RefusedReading refused = new SoapTypes.RefusedReading();
            refused.index = refusal.index();
            refused.pointId = refusal.pointId();
            refused.reason = refusal.reason();
            answer.refused.add(refused);
        }
        return answer;
    }

    /**
     * Registers enterprises and their major hazard sources as the plant's safety management system keeps them; needs
     * {@code registry:edit}. All or nothing: with any error, nothing is written and every error comes back.
     */
    @WebMethod(operationName = "SubmitRegistration")
    @WebResult(name = "result")
    public SoapTypes.SubmitRegistrationResult submitRegistration(@WebParam(name = "system") String system,
            @WebParam(name = "dryRun") Boolean dryRun, @WebParam(name = "enterprise") List<SoapTypes.EnterpriseRecord> enterprises,
            @WebParam(name = "hazardSource") List<SoapTypes.HazardSourceRecord> sources) throws IntegrationFault {
        Caller caller = caller(Permission.REGISTRY_EDIT);
        RegistrationRecords records = new RegistrationRecords(enterprises, sources);
        boolean check = Boolean.TRUE.equals(dryRun);
        LocalSystemIntake.RegistrationResult result;
        try {
            // with words the XML got wrong, the rest is still checked (dry run), so the answer names every error at once
            boolean wrongWords = !records.errors.isEmpty();
            result = intake.submitRegistration(caller, system == null || system.isBlank() ? "soap" : system.strip(), records.enterprises,
                    records.sources, check || wrongWords);
            if (wrongWords) {
                List<LocalSystemIntake.RegistrationError> errors = new ArrayList<>(records.errors);
                for (LocalSystemIntake.RegistrationError e : result.errors()) {
                    if (records.errors.stream().noneMatch(w -> w.item().equals(e.item()) && w.index() == e.index() && w.field().equals(e.field()))) {
                        errors.add(e);
                    }
                }
                errors.sort(java.util.Comparator.comparing(LocalSystemIntake.RegistrationError::item)
                        .thenComparingInt(LocalSystemIntake.RegistrationError::index));
                result = new LocalSystemIntake.RegistrationResult(false, check, 0, 0, 0, 0, errors);
            }
        } catch (IllegalArgumentException e) {
            throw new IntegrationFault("INVALID", e.getMessage());
        } catch (SecurityException e) {
            throw new IntegrationFault("FORBIDDEN", e.getMessage());
        }
        SoapTypes.SubmitRegistrationResult answer = new SoapTypes.SubmitRegistrationResult();
        answer.applied = result.applied();
        answer.dryRun = result.dryRun();
        answer.enterprisesCreated = result.enterprisesCreated();
        answer.enterprisesUpdated = result.enterprisesUpdated();
        answer.sourcesCreated = result.sourcesCreated();
        answer.sourcesUpdated = result.sourcesUpdated();
        for (LocalSystemIntake.RegistrationError e : result.errors()) {
            SoapTypes.RegistrationError error = new SoapTypes.RegistrationError();
            error.item = e.item();
            error.index = e.index();
            error.field = e.field();
            error.code = e.code();
            error.message = e.message();
            answer.error.add(error);
        }
        return answer;
    }

    /** The commands sent down to this node since a time (all when empty), oldest first, with their answers. */
    @WebMethod(operationName = "FetchCommands")
    @WebResult(name = "command")
    public List<SoapTypes.Command> fetchCommands(@WebParam(name = "since") Date since,
            @WebParam(name = "limit") Integer limit) throws IntegrationFault {
        Caller caller = caller(Permission.ADAPTER_ADMINISTER);
        List<SoapTypes.Command> commands = new ArrayList<>();
        for (ExchangeCommand c : intake.commands(caller, since == null ? null : since.toInstant(), limit == null ? 100 : limit)) {
            SoapTypes.Command command = new SoapTypes.Command();
            command.id = c.id();
            command.type = c.type();
            command.enterpriseCode = c.enterpriseCode();
            command.pointId = c.pointId();
            command.content = c.body();
            command.requestedBy = c.requestedBy();
            command.requestedAt = date(c.requestedAt());
            command.status = c.status().name();
            command.detail = c.detail();
            command.answeredAt = date(c.answeredAt());
            commands.add(command);
        }
        return commands;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private Caller caller(Permission needed) throws IntegrationFault {
        HttpServletRequest request = (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        String header = request == null ? null : request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        AuthSession session = auth.validate(token).orElseThrow(() -> new IntegrationFault("UNAUTHENTICATED",
                "log in with POST /api/auth/login and send the token as 'Authorization: Bearer <token>'"));
        Caller caller = access.caller(session.username()).orElseThrow(() -> new IntegrationFault("UNAUTHENTICATED",
                "the account is disabled or has no organisation"));
        if (session.mustChangePassword()) {
            throw new IntegrationFault("FORBIDDEN", "the account must choose its own password first");
        }
        if (!caller.has(needed)) {
            throw new IntegrationFault("FORBIDDEN", "this needs the permission " + needed.code());
        }
        return caller;
    }
}
