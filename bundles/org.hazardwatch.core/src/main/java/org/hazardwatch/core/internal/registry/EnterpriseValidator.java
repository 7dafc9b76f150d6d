package org.hazardwatch.core.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Region;
import org.hazardwatch.api.registry.RegionLevel;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;

/** Field-by-field checks of an enterprise; every problem is collected, none stops the others. */
final class EnterpriseValidator {

    private static final Pattern INDUSTRY_CODE = Pattern.compile("\\d{2,4}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,40}");

    private EnterpriseValidator() {
    }

    static List<FieldError> validate(Enterprise e, Function<String, Optional<Region>> regions, IndustryCatalog industries) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(e.uscc())) {
            errors.add(new FieldError("uscc", "REQUIRED", "is required"));
        } else {
            UnifiedSocialCreditCode.check(e.uscc()).ifPresent(problem -> errors.add(
                    new FieldError("uscc", "USCC_" + problem.kind().name(), problem.message())));
        }
        if (blank(e.name())) {
            errors.add(new FieldError("name", "REQUIRED", "is required"));
        } else {
            tooLong(errors, "name", e.name(), 200);
        }
        if (blank(e.regionCode())) {
            errors.add(new FieldError("regionCode", "REQUIRED", "is required"));
        } else {
            Optional<Region> region = regions.apply(e.regionCode());
            if (region.isEmpty() || region.get().level() != RegionLevel.COUNTY) {
                errors.add(new FieldError("regionCode", "UNKNOWN_REGION",
                        "'" + e.regionCode() + "' is not a county-level region code"));
            }
        }
        if (!blank(e.parkCode())) {
            Optional<Region> park = regions.apply(e.parkCode());
            if (park.isEmpty() || park.get().level() != RegionLevel.PARK || !park.get().parentCode().equals(e.regionCode())) {
                errors.add(new FieldError("parkCode", "UNKNOWN_PARK",
                        "'" + e.parkCode() + "' is not a chemical park of region " + e.regionCode()));
            }
        }
        if (!blank(e.industryCode()) && !INDUSTRY_CODE.matcher(e.industryCode()).matches()) {
            errors.add(new FieldError("industryCode", "INVALID_VALUE", "must be a GB/T 4754 code of 2 to 4 digits"));
        } else if (!blank(e.industryCode()) && !industries.covers(e.industryCode())) {
            errors.add(new FieldError("industryCode", "UNKNOWN_INDUSTRY",
                    "'" + e.industryCode() + "' is not a GB/T 4754-2017 chemical industry code (see GET /api/industries)"));
        }
        if (e.industryGroup() == null) {
            errors.add(new FieldError("industryGroup", "REQUIRED", "is required"));
        }
        if ((e.longitude() == null) != (e.latitude() == null)) {
            errors.add(new FieldError(e.longitude() == null ? "longitude" : "latitude", "REQUIRED",
                    "longitude and latitude go together"));
        }
        if (e.longitude() != null && !(e.longitude() >= -180 && e.longitude() <= 180)) {
            errors.add(new FieldError("longitude", "OUT_OF_RANGE", "must be between -180 and 180"));
        }
        if (e.latitude() != null && !(e.latitude() >= -90 && e.latitude() <= 90)) {
            errors.add(new FieldError("latitude", "OUT_OF_RANGE", "must be between -90 and 90"));
        }
        tooLong(errors, "address", e.address(), 300);
        tooLong(errors, "contactName", e.contactName(), 100);
        if (!blank(e.contactPhone()) && !PHONE.matcher(e.contactPhone()).matches()) {
            errors.add(new FieldError("contactPhone", "INVALID_VALUE", "may contain only digits, spaces and + ( ) -"));
        }
        return errors;
    }

    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "TOO_LONG", "may have at most " + max + " characters"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
