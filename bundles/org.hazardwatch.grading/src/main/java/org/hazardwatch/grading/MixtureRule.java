package org.hazardwatch.grading;

/**
 * How a mixture is counted, GB 18218-2018 4.2.3: 「对于危险化学品混合物，如果混合物与其纯物质属于相同危险类别，则视混合物为纯物质，
 * 按混合物整体进行计算。如果混合物与其纯物质不属于相同危险类别，则应按新危险类别考虑其临界量。」
 *
 * <p>Whether a mixture falls in the same hazard class as its pure substance is a classification decision (GB 30000.x) that
 * the caller makes; the grader applies the consequence. An entry without a rule is a pure substance.
 */
public enum MixtureRule {

    /**
     * Same hazard class as the pure substance: identified as the pure substance (Table 1 by its name or CAS, else its
     * Table 2 categories), and the whole mass of the mixture is q.
     */
    AS_PURE_SUBSTANCE,

    /**
     * Different hazard class from the pure substance: Table 1 is not used; Q is the lowest Table 2 Q among the mixture's
     * own {@code hazardCategories}, and β comes from Table 4 by those categories (not from the pure substance's Table 3
     * row). The whole mass of the mixture is q.
     */
    NEW_HAZARD_CLASS
}
