package org.hazardwatch.api.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.security.Caller;

/**
 * Hazard source analysis (A1-A5) for a region of the caller's scope, on what the registry held at a date: the registry
 * keeps every state each hazard source had (registration, re-grading, cancellation), so a past year shows what was
 * true then. At upper levels it works on what the levels below sent up. Accidents come from the accident register
 * (voided records left out). Days and years are China time.
 */
public interface HazardAnalytics {

    /** Keys of {@link Cell#byDeathToll()} besides the {@link org.hazardwatch.api.hazard.DeathTollClass} names. */
    String UNKNOWN = "UNKNOWN";

    /**
     * The numbers of one region, park or enterprise.
     *
     * @param total standing major hazard sources
     * @param byGrade grade ("1" highest to "4") → sources
     * @param byAccidentType accident type a source may cause (FIRE, EXPLOSION, POISONING) → sources; one source can
     *        count under several, so the shares are of {@code total} and may add up to more than 100 %
     * @param byDeathToll potential death-toll class (UNDER_10, FROM_10_TO_29, FROM_30_TO_99, FROM_100, UNKNOWN) → sources
     * @param accidents accidents in the period (the year up to the date, for an overview)
     * @param deaths deaths in those accidents
     */
    record Cell(String code, String name, long total, Map<String, Long> byGrade, Map<String, Long> byAccidentType,
            Map<String, Long> byDeathToll, long accidents, long deaths, long injuries) {
    }

    /**
     * A region with its parts one level down.
     *
     * @param regionCode "" for the whole country, a 2/4/6-digit division code, a park code, or an enterprise's USCC
     * @param childLevel PROVINCE, CITY, COUNTY, ENTERPRISE, or null when there is nothing below (an enterprise)
     * @param children the parts with at least one hazard source or accident, most sources first
     */
    record Overview(String regionCode, String regionName, String childLevel, LocalDate asOf, Cell total, List<Cell> children) {
    }

    /**
     * One year of the trend: the registry as it stood at the end of the year (today for the current year), and the
     * year's accidents.
     *
     * @param accidentsByDeathToll death-toll class of the accidents that happened (A5)
     * @param accidentsByKind FIRE, EXPLOSION, POISONING, LEAK, OTHER → accidents
     */
    record YearRow(int year, LocalDate asOf, long total, Map<String, Long> byGrade, Map<String, Long> byAccidentType,
            Map<String, Long> byDeathToll, long accidents, long deaths, long injuries, Map<String, Long> accidentsByDeathToll,
            Map<String, Long> accidentsByKind) {
    }

    /**
     * @param regionCode null: the caller's whole scope
     * @param asOf null: today
     * @param industryCode GB/T 4754 code prefix of the enterprises (e.g. "26"), or null for all
     * @throws SecurityException when the region is outside the caller's scope
     * @throws org.hazardwatch.api.registry.ValidationException for a malformed code or a date in the future
     */
    Overview overview(Caller caller, String regionCode, LocalDate asOf, String industryCode);

    /** The years {@code fromYear} to {@code toYear} (at most 50, not after this year), oldest first. */
    List<YearRow> trend(Caller caller, String regionCode, int fromYear, int toYear, String industryCode);
}
