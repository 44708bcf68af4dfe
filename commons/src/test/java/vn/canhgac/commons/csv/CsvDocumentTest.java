package vn.canhgac.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDocumentTest {

    @Test
    void spreadsheetsReadVietnameseAndRunNoFormula() {
        String text = CsvDocument.withHeader(List.of("tên", "ghi chú"))
                .row(Arrays.asList("Sở TT&TT Khánh Hòa", null))
                .row(List.of("=HYPERLINK(\"http://x\")", "-1"))
                .row(List.of("a, b", "dòng 1\ndòng 2"))
                .row(List.of("\t=1+1", "\r=1+1"))
                .text();
        assertEquals(
                "\uFEFFtên,ghi chú\r\n"
                        + "Sở TT&TT Khánh Hòa,\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\",\"'-1\"\r\n"
                        + "\"a, b\",\"dòng 1\ndòng 2\"\r\n"
                        + "\"'\t=1+1\",\"'\r=1+1\"\r\n",
                text);
    }

    @Test
    void whatCsvRecordsReadsBackIsWhatWasWritten() {
        String text = CsvDocument.withHeader(List.of("a", "b"))
                .row(List.of("x \"quoted\"", "line\r\nbreak"))
                .text();
        CsvRecords records = new CsvRecords(new StringReader(text.substring(1)));
        records.next();
        assertEquals(List.of("x \"quoted\"", "line\r\nbreak"), records.next().fields());
    }

    @Test
    void aGuardedCellReadsBackAsItWas() {
        for (String value :
                List.of("=1+1", "-1", "+84 258", "@sum", "'quoted'", "Sở TT&TT", "'", "'=1", "'-x", "''=1")) {
            String text =
                    CsvDocument.withHeader(List.of("a")).row(List.of(value)).text();
            CsvRecords records = new CsvRecords(new StringReader(text.substring(1)));
            records.next();
            assertEquals(value, CsvDocument.unguarded(records.next().fields().get(0)), text);
        }
    }
}
