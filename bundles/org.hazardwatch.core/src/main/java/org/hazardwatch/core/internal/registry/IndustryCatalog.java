package org.hazardwatch.core.internal.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.IndustryGroup;

/** The GB/T 4754-2017 industry classes of the chemical industries, shipped in {@code db/industries-gb4754-2017.csv}. */
public final class IndustryCatalog {

    static final String RESOURCE = "/db/industries-gb4754-2017.csv";

    private final List<Industry> industries;

    private IndustryCatalog(List<Industry> industries) {
        this.industries = List.copyOf(industries);
    }

    public static IndustryCatalog load() {
        try (InputStream in = IndustryCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Industry> rows = new ArrayList<>();
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new Industry(f[0].strip(), f[1].strip(), IndustryGroup.valueOf(f[2].strip())));
            }
            return new IndustryCatalog(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<Industry> all() {
        return industries;
    }

    /** True for a listed class, or for the division or group (2 or 3 digits) of a listed class. */
    public boolean covers(String code) {
        return industries.stream().anyMatch(i -> i.code().equals(code) || (code.length() < 4 && i.code().startsWith(code)));
    }
}
