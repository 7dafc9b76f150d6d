package org.hazardwatch.grading.internal;

import java.math.BigDecimal;

/**
 * A hazard category of Table 2 (未在表1中列举的危险化学品类别及其临界量) with its β.
 *
 * @param code symbol (2018: {@code J1}…{@code W11}; 2009: the HazardWatch symbol such as {@code 2.3-T1})
 * @param category 类别
 * @param description 危险性分类及说明
 * @param q critical quantity in tonnes
 * @param qBasis basis of q where the table states one (W3: 净重), else empty
 * @param beta 2018: β of the Table 4 row with the same symbol; 2009: {@code null} (see {@code betaClass})
 * @param betaClass 2009: key of the 2011 annex 表1 row giving β; 2018: empty
 */
public record Category(String code, String category, String description, BigDecimal q, String qBasis,
        BigDecimal beta, String betaClass) {
}
