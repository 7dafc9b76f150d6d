package org.hazardwatch.transfer.internal;

import java.util.List;
import java.util.Map;

import org.hazardwatch.api.hazard.RegistryTransfer;

/** The three sheets of the registry file and their columns. */
final class Sheets {

    static final List<Column> ENTERPRISES = List.of(
            new Column("uscc", "统一社会信用代码", "18 characters, GB 32100-2015, check character validated"),
            new Column("name", "企业名称", "required"),
            new Column("regionCode", "行政区划代码", "six-digit GB/T 2260 county code"),
            new Column("parkCode", "化工园区代码", "park code under the county (e.g. 320581P01), or empty"),
            new Column("industryCode", "行业代码", "GB/T 4754-2017 class, e.g. 2614"),
            new Column("industryGroup", "行业类别", "FINE_CHEMICALS 精细化工, PETROCHEMICALS 石油化工, COAL_CHEMICALS 煤化工, OTHER 其他"),
            new Column("address", "地址", ""),
            new Column("longitude", "经度", "decimal degrees"),
            new Column("latitude", "纬度", "decimal degrees"),
            new Column("contactName", "联系人", ""),
            new Column("contactPhone", "联系电话", ""),
            new Column("status", "状态", "OPERATING 在产, SUSPENDED 停产, CLOSED 关闭; empty = OPERATING"));

    static final List<Column> HAZARD_SOURCES = List.of(
            new Column("enterpriseUscc", "企业统一社会信用代码", "the enterprise, registered or in the enterprises sheet"),
            new Column("code", "危险源编码", "unique within the enterprise, e.g. HS-01"),
            new Column("name", "危险源名称", "required"),
            new Column("status", "状态", "ACTIVE 在用, SUSPENDED 停用, DEREGISTERED 已核销; empty = ACTIVE"),
            new Column("exposedPeople", "厂外500米内常住人口", "people outside the plant within 500 m (GB 18218-2018 Table 5)"),
            new Column("potentialDeaths", "可能死亡人数", "from the registration documents, or empty"),
            new Column("accidentTypes", "事故类型", "FIRE 火灾, EXPLOSION 爆炸, POISONING 中毒, separated by ; — empty = derive from the substances"));

    static final List<Column> INVENTORY = List.of(
            new Column("enterpriseUscc", "企业统一社会信用代码", "the enterprise of the hazard source"),
            new Column("hazardSourceCode", "危险源编码", "the hazard source"),
            new Column("unitCode", "单元编码", "unit within the hazard source, e.g. U1"),
            new Column("unitName", "单元名称", "given on the unit's first row"),
            new Column("unitKind", "单元类型", "PRODUCTION 生产单元 or STORAGE 储存单元, on the unit's first row"),
            new Column("equipmentCode", "设备编码", "tank, reactor or warehouse holding the chemical, or empty"),
            new Column("equipmentName", "设备名称", "given on the equipment's first row"),
            new Column("equipmentKind", "设备类型", "TANK 储罐, SPHERICAL_TANK 球罐, REACTOR 反应器, TOWER 塔器, VESSEL 容器, WAREHOUSE 仓库, PIPELINE 管道, OTHER 其他"),
            new Column("designCapacity", "设计容量", "m³ or m², or empty"),
            new Column("substance", "危险化学品名称", "GB 18218-2018 Table 1 name, or a local name with hazard categories; empty on an equipment-only row"),
            new Column("cas", "CAS号", ""),
            new Column("tableRow", "表1序号", "GB 18218-2018 Table 1 row, where one CAS has several rows"),
            new Column("hazardCategories", "危险性类别", "Table 2 symbols (J1…J5, W1.1…W11) separated by ; for substances not in Table 1"),
            new Column("tonnes", "设计最大量(t)", "design maximum quantity in tonnes"));

    static final Map<String, List<Column>> BY_SHEET = Map.of(RegistryTransfer.ENTERPRISES, ENTERPRISES,
            RegistryTransfer.HAZARD_SOURCES, HAZARD_SOURCES, RegistryTransfer.INVENTORY, INVENTORY);

    /** Sheet names in file order. */
    static final List<String> ORDER = List.of(RegistryTransfer.ENTERPRISES, RegistryTransfer.HAZARD_SOURCES,
            RegistryTransfer.INVENTORY);

    /** Chinese sheet titles accepted as well as the sheet names. */
    static final Map<String, String> TITLES = Map.of(RegistryTransfer.ENTERPRISES, "企业",
            RegistryTransfer.HAZARD_SOURCES, "重大危险源", RegistryTransfer.INVENTORY, "单元与危险化学品");

    private Sheets() {
    }
}
