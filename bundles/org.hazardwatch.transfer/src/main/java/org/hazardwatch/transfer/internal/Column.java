package org.hazardwatch.transfer.internal;

/**
 * A column of an import/export sheet. A file's header cell may be the key ({@code uscc}), the Chinese label
 * ({@code 统一社会信用代码}) or both as written on export ({@code 统一社会信用代码(uscc)}).
 */
record Column(String key, String label, String help) {

    String header() {
        return label + "(" + key + ")";
    }

    boolean matches(String headerCell) {
        String h = headerCell.strip().replace('（', '(').replace('）', ')');
        return h.equalsIgnoreCase(key) || h.equals(label) || h.equalsIgnoreCase(header());
    }
}
