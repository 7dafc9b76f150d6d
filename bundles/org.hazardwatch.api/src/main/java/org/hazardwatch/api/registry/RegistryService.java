package org.hazardwatch.api.registry;

import java.util.List;
import java.util.Optional;

/**
 * Regions and enterprises (requirements G1, A3). Region subtrees are selected by code prefix. Implementations are
 * thread-safe.
 */
public interface RegistryService {

    /** Children of a region with their subtree enterprise counts; the provinces when {@code parentCode} is null. */
    List<RegionSummary> children(String parentCode);

    Optional<Region> region(String code);

    /** The region and its ancestors, province first. */
    List<Region> path(String code);

    /**
     * Adds a chemical park under a county; its code is the county code, "P" and the next free two-digit number.
     * Throws {@link ValidationException} for an unknown county or a missing, too long or repeated name.
     */
    Region createPark(String countyCode, String name);

    Optional<Enterprise> enterprise(long id);

    /**
     * Enterprises in the subtree of {@code regionCode} (all when null) whose name or USCC contains {@code text}
     * (any when null), by name.
     */
    default Page<Enterprise> enterprises(String regionCode, String text, int page, int size) {
        return enterprises(null, regionCode, text, page, size);
    }

    /** As {@link #enterprises(String, String, int, int)}, only those within {@code scope} (null: no limit). */
    Page<Enterprise> enterprises(org.hazardwatch.api.security.DataScope scope, String regionCode, String text, int page, int size);

    /** Validates and stores a new enterprise; throws {@link ValidationException} naming every rejected field. */
    Enterprise create(Enterprise enterprise);

    /** Validates and replaces an enterprise's data; empty when there is no such id. */
    Optional<Enterprise> update(long id, Enterprise enterprise);

    /** The GB/T 4754-2017 chemical industry classes an enterprise's industry code is checked against. */
    List<Industry> industries();
}
