package org.hazardwatch.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.Region;
import org.hazardwatch.api.registry.RegionLevel;
import org.hazardwatch.api.registry.RegionSummary;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Regions and enterprises, run against H2 and PostgreSQL by the subclasses; one migrated database per class, so each
 * test works in a province of its own (Shandong and Beijing, Jiangsu, Guangdong).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistryContractTest {

    JdbcRegistry registry;

    abstract DataSource createDataSource();

    @BeforeAll
    void migrate() throws Exception {
        DataSource dataSource = createDataSource();
        DatabaseMigrator.migrate(dataSource);
        registry = new JdbcRegistry(dataSource, Clock.systemUTC());
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static Enterprise enterprise(String uscc, String name, String region) {
        return new Enterprise(null, uscc, name, region, null, null, "2614", IndustryGroup.FINE_CHEMICALS, "胶州市经济开发区1号",
                120.03, 36.26, "张三", "0532-12345678", null, null, null);
    }

    static List<String> codes(ValidationException e) {
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void theDivisionTreeIsLoaded() {
        List<RegionSummary> provinces = registry.children(null);
        assertEquals(31, provinces.size());
        assertTrue(provinces.stream().anyMatch(p -> p.code().equals("37") && p.name().equals("山东省") && p.hasChildren()));
        assertTrue(registry.children("3702").stream().anyMatch(c -> c.code().equals("370281") && c.name().equals("胶州市")
                && c.level() == RegionLevel.COUNTY));
        assertEquals(List.of("山东省", "青岛市", "胶州市"), registry.path("370281").stream().map(r -> r.name()).toList());
        assertEquals("山东省青岛市胶州市", registry.region("370281").orElseThrow().fullName());
        assertTrue(registry.region("999999").isEmpty());
    }

    @Test
    void enterprisesAreValidatedStoredAndFoundBySubtree() {
        Enterprise created = registry.create(enterprise(uscc("91370281MA3C5XKT0"), "青岛胶州精细化工有限公司", "370281"));
        assertEquals("山东省青岛市胶州市", created.regionName());
        assertEquals(EnterpriseStatus.OPERATING, created.status());
        assertEquals(created, registry.enterprise(created.id()).orElseThrow());

        registry.create(enterprise(uscc("91370211MA3D6YB21"), "青岛黄岛石化有限公司", "370211"));
        registry.create(enterprise(uscc("91110105MA01ABCD1"), "北京朝阳化学品经营有限公司", "110105"));

        assertEquals(2, registry.enterprises("37", null, 0, 20).total());
        assertEquals(2, registry.enterprises("3702", null, 0, 20).total());
        assertEquals(1, registry.enterprises("370281", null, 0, 20).total());
        assertEquals(1, registry.enterprises("11", null, 0, 20).total());
        long all = registry.enterprises(null, null, 0, 20).total();
        assertEquals(all, registry.children(null).stream().mapToLong(RegionSummary::enterpriseCount).sum(),
                "the provinces' counts add up to all enterprises");
        assertEquals(1, registry.enterprises(null, "黄岛", 0, 20).total());
        assertEquals(1, registry.enterprises(null, "ma01abcd", 0, 20).total(), "USCC search ignores case");
        assertEquals(0, registry.enterprises(null, "%", 0, 20).total(), "LIKE wildcards are escaped");
        Page<Enterprise> second = registry.enterprises("37", null, 1, 1);
        assertEquals(2, second.total());
        assertEquals(1, second.items().size());
        Enterprise firstOnPage0 = registry.enterprises("37", null, 0, 1).items().get(0);
        assertTrue(!firstOnPage0.id().equals(second.items().get(0).id()), "pages do not overlap");
        long shandong = registry.children(null).stream().filter(p -> p.code().equals("37")).findFirst().orElseThrow().enterpriseCount();
        assertEquals(2, shandong);
    }

    @Test
    void everyRejectedFieldIsNamed() {
        String valid = uscc("91370281MA3C5XKT9");
        char wrongCheck = valid.charAt(17) == '0' ? '1' : '0';
        Enterprise bad = new Enterprise(null, valid.substring(0, 17) + wrongCheck, " ", "3702", null, "3702P99", "26-14",
                null, null, 200.0, null, null, "call me", null, null, null);
        ValidationException e = assertThrows(ValidationException.class, () -> registry.create(bad));
        assertEquals(List.of("uscc:USCC_CHECK", "name:REQUIRED", "regionCode:UNKNOWN_REGION", "parkCode:UNKNOWN_PARK",
                "industryCode:INVALID_VALUE", "industryGroup:REQUIRED", "latitude:REQUIRED", "longitude:OUT_OF_RANGE",
                "contactPhone:INVALID_VALUE"), codes(e));
        FieldError check = e.fieldErrors().get(0);
        assertTrue(check.message().contains(String.valueOf(valid.charAt(17))), check.message());
        assertEquals(List.of("uscc:USCC_LENGTH"), codes(assertThrows(ValidationException.class,
                () -> registry.create(enterprise("9137028", "甲", "370281")))));
        assertEquals(List.of("uscc:USCC_CHARACTER"), codes(assertThrows(ValidationException.class,
                () -> registry.create(enterprise("91370281MA3C5XKTOI", "甲", "370281")))));
    }

    @Test
    void parksRankWithCountiesAndSelectTheirEnterprises() {
        Region park = registry.createPark("320581", "平度新河化工产业园");
        assertEquals("320581P01", park.code());
        assertEquals(RegionLevel.PARK, park.level());
        assertEquals("江苏省苏州市常熟市平度新河化工产业园", park.fullName());
        assertEquals("320581P02", registry.createPark("320581", "平度第二园区").code());
        assertEquals(List.of("name:DUPLICATE"), codes(assertThrows(ValidationException.class,
                () -> registry.createPark("320581", "平度新河化工产业园"))));
        assertEquals(List.of("countyCode:UNKNOWN_REGION", "name:REQUIRED"), codes(assertThrows(ValidationException.class,
                () -> registry.createPark("3702", " "))));

        Enterprise inPark = new Enterprise(null, uscc("91320581MA3P00001"), "新河精细化工有限公司", "320581", null, park.code(),
                "2614", IndustryGroup.FINE_CHEMICALS, null, null, null, null, null, null, null, null);
        registry.create(inPark);
        registry.create(enterprise(uscc("91320581MA3P00002"), "平度城区加油站", "320581"));
        assertEquals(1, registry.enterprises(park.code(), null, 0, 20).total());
        assertEquals(2, registry.enterprises("320581", null, 0, 20).total());
        RegionSummary parkNode = registry.children("320581").stream().filter(r -> r.code().equals(park.code())).findFirst().orElseThrow();
        assertEquals(1, parkNode.enterpriseCount());
        assertEquals(List.of("parkCode:UNKNOWN_PARK"), codes(assertThrows(ValidationException.class,
                () -> registry.create(new Enterprise(null, uscc("91320581MA3P00003"), "错园区企业", "320582", null, park.code(),
                        null, IndustryGroup.OTHER, null, null, null, null, null, null, null, null)))));
    }

    @Test
    void codesAreUniqueAndUpdatesAreValidatedToo() {
        String first = uscc("91440305MA3C5XKU1");
        String second = uscc("91440305MA3C5XKU2");
        Enterprise a = registry.create(enterprise(first, "甲化工", "440305"));
        registry.create(enterprise(second.toLowerCase(java.util.Locale.ROOT), "乙化工", "440305"));
        assertEquals(List.of("uscc:USCC_DUPLICATE"), codes(assertThrows(ValidationException.class,
                () -> registry.create(enterprise(first, "丙化工", "440305")))));
        Enterprise renamed = registry.update(a.id(), enterprise(first, "甲化工（改名）", "440305")).orElseThrow();
        assertEquals("甲化工（改名）", renamed.name());
        assertTrue(!renamed.updatedAt().isBefore(renamed.createdAt()));
        assertEquals(List.of("uscc:USCC_DUPLICATE"), codes(assertThrows(ValidationException.class,
                () -> registry.update(a.id(), enterprise(second, "甲化工", "440305")))));
        assertTrue(registry.update(999_999, enterprise(uscc("91440305MA3C5XKU3"), "丁", "440305")).isEmpty());
    }
}
