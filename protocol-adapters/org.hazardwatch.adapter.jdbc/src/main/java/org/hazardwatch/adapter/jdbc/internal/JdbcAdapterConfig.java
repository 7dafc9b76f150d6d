package org.hazardwatch.adapter.jdbc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code org.hazardwatch.adapter.jdbc}; one instance per {@code etc/org.hazardwatch.adapter.jdbc-<name>.cfg}. */
@ObjectClassDefinition(name = "HazardWatch JDBC source adapter",
        description = "Polls new rows of a table of another system, after a watermark column")
public @interface JdbcAdapterConfig {

    @AttributeDefinition(description = "Instance name; defaults to the part after the dash in the file name")
    String name() default "";

    @AttributeDefinition(description = "JDBC URL of the source database (jdbc:postgresql://… or jdbc:h2:…)")
    String url();

    @AttributeDefinition(description = "Database user")
    String user() default "";

    @AttributeDefinition(description = "Database password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Table (or schema.table) holding the readings")
    String table();

    @AttributeDefinition(description = "Strictly increasing column (a sequence id) after which new rows are read")
    String watermark_column() default "id";

    @AttributeDefinition(description = "Column with the source's tag name, mapped to a monitoring point")
    String tag_column() default "tag";

    @AttributeDefinition(description = "Column with the numeric value")
    String value_column() default "value";

    @AttributeDefinition(description = "Column with the measurement time (timestamp)")
    String time_column() default "ts";

    @AttributeDefinition(description = "Optional column with the quality: GOOD/UNCERTAIN/BAD, or 0 = good; empty for none")
    String quality_column() default "";

    @AttributeDefinition(description = "Tag mapping file: CSV 'pointId,tag'; rows of unmapped tags are skipped")
    String mapping_file();

    @AttributeDefinition(description = "Poll period in ms", min = "100")
    long poll_interval_ms() default 1000;

    @AttributeDefinition(description = "Most rows read per poll", min = "1", max = "100000")
    int batch_size() default 1000;
}
