package org.hazardwatch.core.internal.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.AccountDraft;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;

/**
 * The levels of the simulated plant's region as organisations, with one person at each, so a laptop run shows what a
 * city regulator, a county lead and the plant's safety manager each see. Their passwords are one-time: each must
 * choose their own at the first login. Running it again adds only what is missing.
 */
public final class DemoOrganisations {

    /** The simulated tank farm's operator (see the simulator's demo registration). */
    public static final String DEMO_ENTERPRISE = "91370281MA3HW2026N";

    /** One demo person: the password is null when the account existed already. */
    public record DemoAccount(String username, String organisation, String role, String oneTimePassword) {
    }

    private DemoOrganisations() {
    }

    public static List<DemoAccount> create(OrganisationService organisations, AccountService accounts, Caller administrator,
            java.util.function.Supplier<String> passwords) {
        Organisation root = organisations.list(administrator).stream().filter(o -> o.parentId() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("the national root organisation is missing"));
        Organisation province = child(organisations, administrator, root, OrgLevel.PROVINCE, "37", null, "山东省应急管理厅");
        Organisation city = child(organisations, administrator, province, OrgLevel.CITY, "3702", null, "青岛市应急管理局");
        Organisation county = child(organisations, administrator, city, OrgLevel.COUNTY, "370281", null, "胶州市应急管理局");
        Optional<Organisation> plant;
        try {
            plant = Optional.of(child(organisations, administrator, county, OrgLevel.ENTERPRISE, null, DEMO_ENTERPRISE, "青岛海湾示范化工储运有限公司"));
        } catch (org.hazardwatch.api.registry.ValidationException notRegistered) {
            plant = Optional.empty(); // the simulator has not registered its operator (regulator editions)
        }
        Map<String, Object[]> people = new LinkedHashMap<>();
        people.put("demo-city", new Object[] {city, "REGULATOR", "青岛市 监管人员（演示）"});
        people.put("demo-county", new Object[] {county, "REGULATOR_LEAD", "胶州市 监管负责人（演示）"});
        plant.ifPresent(o -> people.put("demo-plant", new Object[] {o, "ENTERPRISE_SAFETY", "示范化工 安全管理员（演示）"}));
        List<DemoAccount> result = new java.util.ArrayList<>();
        for (Map.Entry<String, Object[]> person : people.entrySet()) {
            Organisation organisation = (Organisation) person.getValue()[0];
            String roleCode = (String) person.getValue()[1];
            Optional<Account> existing = accounts.account(administrator, person.getKey());
            String password = null;
            if (existing.isEmpty()) {
                password = passwords.get();
                long role = accounts.roles(administrator).stream().filter(r -> roleCode.equals(r.code())).findFirst()
                        .orElseThrow().id();
                accounts.create(administrator, new AccountDraft(person.getKey(), (String) person.getValue()[2], organisation.id(),
                        null, null, null, true, List.of(role), password));
            }
            result.add(new DemoAccount(person.getKey(), organisation.name(), roleCode, password));
        }
        return result;
    }

    private static Organisation child(OrganisationService organisations, Caller administrator, Organisation parent, OrgLevel level,
            String region, String enterprise, String name) {
        return organisations.list(administrator).stream()
                .filter(o -> o.level() == level && (enterprise != null ? enterprise.equals(o.enterpriseUscc()) : region.equals(o.regionCode())))
                .findFirst()
                .orElseGet(() -> organisations.create(administrator,
                        new Organisation(null, parent.id(), name, level, region, null, enterprise, null, null, null, 0, null)));
    }
}
