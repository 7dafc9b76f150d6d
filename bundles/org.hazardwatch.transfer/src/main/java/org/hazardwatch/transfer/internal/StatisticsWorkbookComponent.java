package org.hazardwatch.transfer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.hazardwatch.api.analytics.StatisticsWorkbook;
import org.osgi.service.component.annotations.Component;

/** Statistics tables as .xlsx, with the same header style as the registry files. */
@Component(service = StatisticsWorkbook.class)
public class StatisticsWorkbookComponent implements StatisticsWorkbook {

    @Override
    public void write(OutputStream out, List<Sheet> sheets) throws IOException {
        List<TableCodec.SheetData> data = sheets.stream().map(s -> new TableCodec.SheetData(s.name(),
                s.columns().stream().map(c -> new org.hazardwatch.transfer.internal.Column(c.key(), c.label(), "")).toList(), s.rows())).toList();
        TransferComponent.withPoi(() -> {
            TableCodec.writeXlsx(out, data, null);
            return null;
        });
    }
}
