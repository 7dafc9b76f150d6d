package org.hazardwatch.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.auth.LoginResult;
import org.hazardwatch.api.auth.LoginResult.Outcome;
import org.hazardwatch.api.auth.PasswordChangeException;
import org.hazardwatch.api.auth.PasswordChangeException.Reason;
import org.hazardwatch.api.auth.PasswordPolicy;
import org.hazardwatch.api.auth.TotpEnrolment;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessGrant;
import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.AccountDraft;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.AuditVerification;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.security.Role;
import org.hazardwatch.core.internal.MutableClock;
import org.hazardwatch.core.internal.auth.PasswordHasher;
import org.hazardwatch.core.internal.auth.Totp;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts, login hardening, organisations and scope, grants and the audit chain; H2 and PostgreSQL. */
abstract class SecurityContractTest {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final PasswordPolicy POLICY = new PasswordPolicy(10, 3, 5, 15, 480, 30);
    static final String PASSWORD = "Initial-Pass-1";

    DataSource dataSource;
    MutableClock clock;
    SecurityComponent.Services services;
    String adminPassword;
    Caller admin;

    abstract DataSource createDataSource();

    @BeforeEach
    void setUp() throws Exception {
        dataSource = createDataSource();
        DatabaseMigrator.migrate(dataSource);
        clock = new MutableClock(T0);
        services = SecurityComponent.create(dataSource, POLICY, "HazardWatch", clock);
        adminPassword = SecurityComponent.bootstrap(dataSource, services, "国家中心", null).orElseThrow();
        admin = services.directory().caller("admin").orElseThrow();
    }

    // ---- login

    @Test
    void theFirstAdministratorHoldsEverythingAtNationalScope() {
        assertTrue(admin.scope().isAll());
        assertEquals(OrgLevel.NATIONAL, admin.level());
        assertTrue(admin.permissions().containsAll(Set.of(Permission.values())), "system administrator and auditor");
        assertTrue(SecurityComponent.bootstrap(dataSource, services, "国家中心", "other").isEmpty(), "admin is created once");
        assertEquals(6, services.accounts().roles(admin).stream().filter(Role::builtIn).count());
    }

    @Test
    void sessionsExpireEndWhenIdleAndLogOutEverywhere() {
        AuthSession session = login("admin", adminPassword).session();
        assertEquals("admin", services.auth().validate(session.token()).orElseThrow().username());
        assertEquals(JdbcAuthServiceAccess.csrf(session.token()), session.csrfToken(), "the CSRF token derives from the session");
        assertFalse(services.auth().validate(session.token() + "x").isPresent());
        clock.now = T0.plus(Duration.ofMinutes(31));
        assertTrue(services.auth().validate(session.token()).isEmpty(), "idle for longer than 30 minutes");

        AuthSession kept = login("admin", adminPassword).session();
        for (int minute = 20; minute <= 480; minute += 20) {
            clock.now = T0.plus(Duration.ofMinutes(31 + minute));
            if (minute < 480) {
                assertTrue(services.auth().validate(kept.token()).isPresent(), "active at minute " + minute);
            }
        }
        assertTrue(services.auth().validate(kept.token()).isEmpty(), "the lifetime ends it even when active");

        AuthSession first = login("admin", adminPassword).session();
        AuthSession second = login("admin", adminPassword).session();
        assertEquals(2, services.auth().sessions("admin", first.token()).size(), "live sessions only");
        assertTrue(services.auth().sessions("admin", first.token()).stream().anyMatch(s -> s.current()));
        assertEquals(3, services.auth().logoutAll("admin"), "the two live sessions and the expired row");
        assertTrue(services.auth().validate(first.token()).isEmpty());
        assertTrue(services.auth().validate(second.token()).isEmpty());
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        for (int i = 1; i < POLICY.maxFailures(); i++) {
            assertEquals(Outcome.BAD_CREDENTIALS, login("admin", "wrong-" + i).outcome());
        }
        LoginResult locked = login("admin", "wrong-again");
        assertEquals(Outcome.LOCKED, locked.outcome());
        assertEquals(T0.plus(Duration.ofMinutes(15)), locked.lockedUntil());
        assertEquals(Outcome.LOCKED, login("admin", adminPassword).outcome(), "the right password does not open a locked account");
        assertEquals(Outcome.BAD_CREDENTIALS, login("nobody", "x").outcome(), "unknown users look like wrong passwords");

        clock.now = T0.plus(Duration.ofMinutes(16));
        assertTrue(login("admin", adminPassword).ok(), "the lock ends by itself");
        assertEquals(Outcome.BAD_CREDENTIALS, login("admin", "wrong").outcome(), "a success resets the count");
        assertTrue(login("admin", adminPassword).ok());

        List<AuditEntry> failures = services.audit().search(admin, new AuditQuery(null, null, "admin", "auth.login-failed", null,
                null, null), 0, 50).items();
        assertTrue(failures.size() >= POLICY.maxFailures() + 1, "every failed login is in the audit log");
        assertEquals(1, services.audit().search(admin, new AuditQuery(null, null, "admin", "auth.locked", null, null, null), 0, 5)
                .total());
    }

    @Test
    void administratorsUnlockAndResetPasswordsAsOneTimePasswords() {
        Organisation county = countyOf("370281");
        Account officer = createUser("zhangsan", county, "REGULATOR");
        for (int i = 0; i < POLICY.maxFailures(); i++) {
            login("zhangsan", "wrong");
        }
        assertEquals(Outcome.LOCKED, login("zhangsan", PASSWORD).outcome());
        assertNotNull(services.accounts().account(admin, "zhangsan").orElseThrow().lockedUntil());
        services.accounts().unlock(admin, "zhangsan");
        AuthSession session = login("zhangsan", PASSWORD).session();
        assertTrue(session.mustChangePassword(), "an administrator's password must be changed at first login");
        assertTrue(officer.mustChangePassword());
        services.auth().changePassword("zhangsan", PASSWORD.toCharArray(), "Own-Choice-2026".toCharArray());
        assertFalse(login("zhangsan", "Own-Choice-2026").session().mustChangePassword());

        ValidationException weak = assertThrows(ValidationException.class,
                () -> services.accounts().resetPassword(admin, "zhangsan", "password123".toCharArray()));
        assertEquals("PASSWORD_TOO_SIMPLE", weak.fieldErrors().get(0).code());
        services.accounts().resetPassword(admin, "zhangsan", "Reset-Pass-77".toCharArray());
        assertTrue(login("zhangsan", "Reset-Pass-77").session().mustChangePassword());
    }

    @Test
    void passwordPolicyIsChecked() {
        services.auth().createUser("lisi", PASSWORD.toCharArray());
        assertEquals(Reason.CURRENT_PASSWORD_WRONG, refusal("lisi", "wrong", "Another-Pass-2"));
        assertEquals(Reason.PASSWORD_TOO_SHORT, refusal("lisi", PASSWORD, "Sh0rt!"));
        assertEquals(Reason.PASSWORD_TOO_SIMPLE, refusal("lisi", PASSWORD, "alllowercaseletters"));
        assertEquals(Reason.PASSWORD_CONTAINS_USERNAME, refusal("lisi", PASSWORD, "my-LiSi-2026"));
        assertEquals(Reason.PASSWORD_COMMON, refusal("lisi", PASSWORD, "P@ssw0rd123"));
        assertEquals(Reason.PASSWORD_UNCHANGED, refusal("lisi", PASSWORD, PASSWORD));
        assertEquals(Reason.CURRENT_PASSWORD_WRONG, refusal("nobody", "x", "Another-Pass-3"));
    }

    @Test
    void secondFactorIsNeededOnceEnabledAndCodesWorkOnce() {
        TotpEnrolment enrolment = services.auth().beginTotp("admin");
        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/HazardWatch:admin?secret=" + enrolment.secret()));
        assertTrue(login("admin", adminPassword).ok(), "not active before it is confirmed");
        assertFalse(services.auth().confirmTotp("admin", "000000".equals(code(enrolment.secret(), T0)) ? "111111" : "000000"));
        assertTrue(services.auth().confirmTotp("admin", code(enrolment.secret(), T0)));

        clock.now = T0.plusSeconds(60);
        assertEquals(Outcome.TOTP_REQUIRED, login("admin", adminPassword).outcome());
        String code = code(enrolment.secret(), clock.now);
        assertTrue(services.auth().login("admin", adminPassword.toCharArray(), code, "127.0.0.1", "test").ok());
        assertEquals(Outcome.TOTP_WRONG, services.auth().login("admin", adminPassword.toCharArray(), code, "127.0.0.1", "test").outcome(),
                "a code is good once");
        clock.now = clock.now.plusSeconds(30);
        assertEquals(Outcome.BAD_CREDENTIALS,
                services.auth().login("admin", "wrong".toCharArray(), code(enrolment.secret(), clock.now), null, null).outcome(),
                "a valid code does not make up for a wrong password");
        services.accounts().resetTotp(admin, "admin");
        assertTrue(login("admin", adminPassword).ok(), "an administrator's reset turns it off");
    }

    @Test
    void totpFollowsRfc6238() {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890": 94287082 at 59 s, 6 digits 287082
        byte[] key = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("287082", Totp.code(key, 59 / 30));
        assertEquals("081804", Totp.code(key, 1111111109L / 30));
        String secret = Totp.base32(key);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret);
        assertTrue(Totp.verify(secret, "287082", Instant.ofEpochSecond(59), null).isPresent());
        assertTrue(Totp.verify(secret, "287082", Instant.ofEpochSecond(59), 1L).isEmpty(), "replay of step 1");
        assertTrue(Totp.verify(secret, "28708", Instant.ofEpochSecond(59), null).isEmpty());
    }

    @Test
    void oldHashesStillVerifyAndAreReplaced() {
        String legacy = JdbcAuthServiceAccess.legacyHash("Old-Scheme-Pass1");
        assertTrue(PasswordHasher.verify("Old-Scheme-Pass1".toCharArray(), legacy));
        assertTrue(PasswordHasher.needsRehash(legacy));
        String current = PasswordHasher.hash("New-Scheme-Pass1".toCharArray());
        assertTrue(current.startsWith("pbkdf2-sm3$"));
        assertFalse(PasswordHasher.needsRehash(current));
        assertFalse(PasswordHasher.verify("new-scheme-pass1".toCharArray(), current));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "garbage$1$%%%$zz"));
    }

    // ---- organisations, accounts, scope

    @Test
    void organisationsFollowTheFiveLevelsAndTheirRegions() {
        Organisation county = countyOf("370281");
        assertEquals(OrgLevel.COUNTY, county.level());
        Organisation province = services.organisations().get(admin, county.parentId()).map(o -> services.organisations()
                .get(admin, o.parentId()).orElseThrow()).orElseThrow();
        assertEquals("37", province.regionCode());

        ValidationException wrongLevel = assertThrows(ValidationException.class, () -> services.organisations().create(admin,
                new Organisation(null, province.id(), "错层", OrgLevel.COUNTY, "370211", null, null, null, null, null, 0, null)));
        assertEquals("NOT_UNDER_PARENT", wrongLevel.fieldErrors().get(0).code());
        ValidationException outside = assertThrows(ValidationException.class, () -> services.organisations().create(admin,
                new Organisation(null, province.id(), "外省", OrgLevel.CITY, "3201", null, null, null, null, null, 0, null)));
        assertEquals("OUTSIDE_PARENT", outside.fieldErrors().get(0).code());
        ValidationException wrongRegionLevel = assertThrows(ValidationException.class, () -> services.organisations().create(admin,
                new Organisation(null, province.id(), "不是市", OrgLevel.CITY, "370281", null, null, null, null, null, 0, null)));
        assertEquals("WRONG_LEVEL", wrongRegionLevel.fieldErrors().get(0).code());

        Organisation enterprise = enterpriseOrg(county, "91370281MA3HW2026");
        assertEquals(OrgLevel.ENTERPRISE, enterprise.level());
        assertEquals(DataScope.enterprise(enterprise.enterpriseUscc()), enterprise.scope());
        assertThrows(IllegalStateException.class, () -> services.organisations().delete(admin, county.id()), "has children");
        services.organisations().addDepartment(admin, county.id(), "危化品监管科");
        assertThrows(ValidationException.class, () -> services.organisations().addDepartment(admin, county.id(), "危化品监管科"));
    }

    @Test
    void countyAdministratorsStayInTheirCounty() {
        Organisation jiaozhou = countyOf("370281");
        Organisation huangdao = countyOf("370211");
        createUser("jz-admin", jiaozhou, "SYSTEM_ADMIN");
        createUser("hd-officer", huangdao, "REGULATOR");
        Caller county = services.directory().caller("jz-admin").orElseThrow();
        assertEquals(DataScope.region("370281"), county.scope());

        assertTrue(services.organisations().get(county, huangdao.id()).isEmpty(), "another county is invisible");
        assertTrue(services.accounts().account(county, "hd-officer").isEmpty());
        assertEquals(Set.of("jz-admin"), Set.copyOf(services.accounts().accounts(county, null, null, 0, 50).items().stream()
                .map(Account::username).toList()));
        assertThrows(ValidationException.class, () -> services.accounts().create(county, draft("intruder", huangdao, "REGULATOR")));
        ValidationException beyond = assertThrows(ValidationException.class,
                () -> services.accounts().create(county, draft("auditor1", jiaozhou, "AUDITOR")));
        assertEquals("BEYOND_OWN", beyond.fieldErrors().get(0).code(), "the county admin does not hold audit permissions");
        services.accounts().create(county, draft("jz-officer", jiaozhou, "REGULATOR"));
        assertThrows(SecurityException.class, () -> services.accounts().createRole(county,
                new Role(null, null, "县级自定义", null, Set.of(Permission.ALARM_VIEW), 0)), "roles are node-wide");
        ValidationException ownRoles = assertThrows(ValidationException.class, () -> services.accounts().update(county, "jz-admin",
                draft("jz-admin", jiaozhou, "REGULATOR")));
        assertEquals("OWN_ROLES", ownRoles.fieldErrors().get(0).code());
    }

    @Test
    void customRolesHoldOnlyWhatTheirAuthorHolds() {
        Role role = services.accounts().createRole(admin, new Role(null, null, "值班长", "shift lead",
                Set.of(Permission.ALARM_VIEW, Permission.ALARM_ACKNOWLEDGE), 0));
        assertFalse(role.builtIn());
        Role builtIn = services.accounts().roles(admin).stream().filter(Role::builtIn).findFirst().orElseThrow();
        assertThrows(IllegalStateException.class, () -> services.accounts().updateRole(admin, builtIn.id(), role));
        assertThrows(IllegalStateException.class, () -> services.accounts().deleteRole(admin, builtIn.id()));
        assertThrows(ValidationException.class, () -> services.accounts().createRole(admin, new Role(null, null, "值班长", null,
                Set.of(Permission.ALARM_VIEW), 0)), "duplicate name");
        assertTrue(services.accounts().deleteRole(admin, role.id()));
    }

    @Test
    void upperLevelsReachLiveDataOnlyThroughAGrant() {
        Organisation county = countyOf("370281");
        Organisation city = services.organisations().get(admin, county.parentId()).orElseThrow();
        createUser("city-officer", city, "REGULATOR");
        createUser("county-lead", county, "REGULATOR_LEAD");
        registerEnterprise("91370281MA3HW2026");
        String uscc = uscc("91370281MA3HW2026");
        Caller firstView = services.directory().caller("city-officer").orElseThrow();
        Caller cityOfficer = firstView;
        Caller countyLead = services.directory().caller("county-lead").orElseThrow();
        assertTrue(services.directory().sees(cityOfficer, uscc), "the city sees the county's enterprises");
        assertFalse(services.directory().seesLive(cityOfficer, uscc), "but not their live data");
        assertTrue(services.directory().seesLive(countyLead, uscc), "the county does");

        assertThrows(IllegalStateException.class, () -> services.grants().request(countyLead, "370281", "own county", 2));
        ValidationException bad = assertThrows(ValidationException.class, () -> services.grants().request(firstView, "3702", "x", 99));
        assertEquals(Set.of("regionCode", "reason", "hours"), Set.copyOf(bad.fieldErrors().stream().map(f -> f.field()).toList()));
        AccessGrant pending = services.grants().request(cityOfficer, "370281", "液氨泄漏事故研判", 4);
        assertEquals(AccessGrant.Status.PENDING, pending.status());
        assertThrows(SecurityException.class, () -> services.grants().decide(firstView, pending.id(), true, null, null),
                "the requester cannot grant itself");
        AccessGrant granted = services.grants().decide(countyLead, pending.id(), true, 2, "同意");
        assertEquals(T0.plus(Duration.ofHours(2)), granted.validUntil());
        cityOfficer = services.directory().caller("city-officer").orElseThrow();
        assertEquals(Set.of("370281"), cityOfficer.liveGrants());
        assertTrue(services.directory().seesLive(cityOfficer, uscc));
        assertEquals(Optional.of("grant:370281"), services.directory().liveGrantUsed(cityOfficer, uscc));

        clock.now = T0.plus(Duration.ofHours(3));
        services.directory().invalidate();
        cityOfficer = services.directory().caller("city-officer").orElseThrow();
        assertFalse(services.directory().seesLive(cityOfficer, uscc), "the grant expired");
        assertEquals(AccessGrant.Status.EXPIRED, services.grants().get(cityOfficer, pending.id()).orElseThrow().status());

        services.grants().declare(countyLead, "370281", "胶州液氨泄漏");
        AccessGrant automatic = services.grants().request(cityOfficer, "370281", "事故期间调阅", 1);
        assertEquals(AccessGrant.Status.GRANTED, automatic.status(), "a declared incident grants by policy");
        assertNotNull(automatic.incidentId());
        assertEquals("policy", automatic.decidedBy());
        AccessGrant revoked = services.grants().revoke(countyLead, automatic.id(), "事故结束");
        assertEquals(AccessGrant.Status.REVOKED, revoked.status());
    }

    @Test
    void demoOrganisationsGiveEachLevelItsPerson() {
        registerEnterprise("91370281MA3HW2026");
        int[] n = {0};
        java.util.function.Supplier<String> passwords = () -> "Demo-Pass-" + (++n[0]) + "x";
        List<DemoOrganisations.DemoAccount> created = DemoOrganisations.create(services.organisations(), services.accounts(), admin, passwords);
        assertEquals(List.of("demo-city", "demo-county", "demo-plant"), created.stream().map(DemoOrganisations.DemoAccount::username).toList());
        assertEquals(DataScope.region("3702"), services.directory().caller("demo-city").orElseThrow().scope());
        assertEquals(DataScope.region("370281"), services.directory().caller("demo-county").orElseThrow().scope());
        assertEquals(DataScope.enterprise(DemoOrganisations.DEMO_ENTERPRISE), services.directory().caller("demo-plant").orElseThrow().scope());
        assertTrue(login("demo-county", created.get(1).oneTimePassword()).session().mustChangePassword());
        List<DemoOrganisations.DemoAccount> again = DemoOrganisations.create(services.organisations(), services.accounts(), admin, passwords);
        assertTrue(again.stream().allMatch(a -> a.oneTimePassword() == null), "nothing is created twice");
        assertEquals(5, services.organisations().list(admin).size(), "root, province, city, county, plant: no duplicates");
    }

    // ---- audit chain

    @Test
    void theAuditChainDetectsChangedAndDeletedEntries() throws Exception {
        for (int i = 1; i <= 6; i++) {
            services.audit().append(new AuditEntry.Draft("admin", null, null, "10.0.0." + i, "alarm.acknowledge", "alarm",
                    Integer.toString(i), "OK", "{\"state\":\"UNACKED_ACTIVE\"}", "{\"state\":\"ACKED_ACTIVE\"}", null));
        }
        AuditVerification intact = services.audit().verify();
        assertTrue(intact.intact(), intact.detail());
        long head = intact.headSeq();
        long middle = head - 3;

        execute("UPDATE audit_log SET after_state = '{\"state\":\"NORMAL\"}' WHERE seq = ?", middle);
        AuditVerification changed = services.audit().verify();
        assertFalse(changed.intact());
        assertEquals("CHANGED", changed.problem());
        assertEquals(middle, changed.brokenAt());
        execute("UPDATE audit_log SET after_state = '{\"state\":\"ACKED_ACTIVE\"}' WHERE seq = ?", middle);
        assertTrue(services.audit().verify().intact(), "restoring the value restores the chain");

        execute("DELETE FROM audit_log WHERE seq = ?", middle);
        AuditVerification deleted = services.audit().verify();
        assertEquals("MISSING", deleted.problem());
        assertEquals(middle, deleted.brokenAt());

        SecurityComponent.Services fresh = freshLogWithEntries(3);
        execute("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)", null);
        AuditVerification tail = fresh.audit().verify();
        assertEquals("HEAD_MISMATCH", tail.problem(), "deleting the newest entries is found through the head");
    }

    @Test
    void auditorsReadTheirScopeAndExportsNeutraliseFormulas() throws Exception {
        Organisation county = countyOf("370281");
        createUser("jz-auditor", county, "AUDITOR");
        Caller auditor = services.directory().caller("jz-auditor").orElseThrow();
        services.audit().append(new AuditEntry.Draft("jz-auditor", null, null, null, "audit.verify", "audit", null, "OK", null,
                null, "=HYPERLINK(\"http://evil\")"));
        services.audit().append(new AuditEntry.Draft("admin", null, null, null, "user.create", "account", "x", "OK", null, null, null));
        List<AuditEntry> seen = services.audit().search(auditor, new AuditQuery(null, null, null, null, null, null, null), 0, 100)
                .items();
        assertTrue(seen.stream().allMatch(e -> e.actor().equals("jz-auditor")), "a county auditor reads the county's people only");
        assertEquals("370281", seen.get(0).actorRegion());
        StringWriter csv = new StringWriter();
        assertEquals(seen.size(), services.audit().export(auditor, new AuditQuery(null, null, null, null, null, null, null), csv));
        assertTrue(csv.toString().contains("\"'=HYPERLINK"), csv.toString());
    }

    // ---- helpers

    private SecurityComponent.Services freshLogWithEntries(int entries) throws SQLException {
        execute("DELETE FROM audit_log", null);
        execute("UPDATE audit_head SET seq = 0, entry_hash = '" + JdbcAuditLog.GENESIS + "'", null);
        for (int i = 0; i < entries; i++) {
            services.audit().append(new AuditEntry.Draft("admin", null, null, null, "test", null, null, "OK", null, null, null));
        }
        assertTrue(services.audit().verify().intact());
        return services;
    }

    private void execute(String sql, Long arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (arg != null) {
                s.setLong(1, arg);
            }
            s.executeUpdate();
        }
    }

    LoginResult login(String username, String password) {
        return services.auth().login(username, password.toCharArray(), null, "127.0.0.1", "JUnit");
    }

    private Reason refusal(String user, String current, String next) {
        return assertThrows(PasswordChangeException.class,
                () -> services.auth().changePassword(user, current.toCharArray(), next.toCharArray())).reason();
    }

    static String code(String secret, Instant at) {
        return Totp.code(Totp.decodeBase32(secret), at.getEpochSecond() / Totp.STEP_SECONDS);
    }

    /** The county organisation of a region, creating its province and city on the way. */
    Organisation countyOf(String county) {
        Organisation root = services.organisations().list(admin).get(0);
        Organisation province = child(root, OrgLevel.PROVINCE, county.substring(0, 2));
        Organisation city = child(province, OrgLevel.CITY, county.substring(0, 4));
        return child(city, OrgLevel.COUNTY, county);
    }

    private Organisation child(Organisation parent, OrgLevel level, String region) {
        return services.organisations().list(admin).stream()
                .filter(o -> region.equals(o.regionCode()) && o.level() == level).findFirst()
                .orElseGet(() -> services.organisations().create(admin,
                        new Organisation(null, parent.id(), level + " " + region, level, region, null, null, null, null, null, 0, null)));
    }

    Organisation enterpriseOrg(Organisation county, String first17) {
        registerEnterprise(first17);
        return services.organisations().create(admin, new Organisation(null, county.id(), "示范化工", OrgLevel.ENTERPRISE, null, null,
                uscc(first17), null, null, null, 0, null));
    }

    void registerEnterprise(String first17) {
        JdbcRegistry registry = new JdbcRegistry(dataSource, clock);
        if (registry.enterprises(null, uscc(first17), 0, 1).total() == 0) {
            registry.create(new Enterprise(null, uscc(first17), "青岛示范化工有限公司", first17.substring(2, 8), null, null, "2614",
                    IndustryGroup.FINE_CHEMICALS, "胶州市", 120.03, 36.26, "张三", "0532-12345678", null, null, null));
        }
        services.directory().invalidate();
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    Account createUser(String username, Organisation organisation, String roleCode) {
        return services.accounts().create(admin, draft(username, organisation, roleCode));
    }

    AccountDraft draft(String username, Organisation organisation, String roleCode) {
        Long role = services.accounts().roles(admin).stream().filter(r -> roleCode.equals(r.code())).findFirst().orElseThrow().id();
        return new AccountDraft(username, "用户 " + username, organisation.id(), null, "0532-1234567", username + "@example.cn", true,
                List.of(role), PASSWORD);
    }

    /** Package-private helpers of the auth package, reached through its public surface. */
    static final class JdbcAuthServiceAccess {
        static String csrf(String token) {
            return org.hazardwatch.core.internal.auth.JdbcAuthService.csrfOf(token);
        }

        static String legacyHash(String password) {
            try {
                byte[] salt = new byte[16];
                javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 1000, 256);
                byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
                return "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
