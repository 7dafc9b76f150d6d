package org.hazardwatch.api.registry;

/**
 * A GB/T 4754-2017 industry class of the chemical industries.
 *
 * @param code four-digit class code, e.g. {@code 2614}
 * @param name the class name in the standard, e.g. 有机化学原料制造
 * @param group the guide's group HazardWatch assigns by default
 */
public record Industry(String code, String name, IndustryGroup group) {
}
