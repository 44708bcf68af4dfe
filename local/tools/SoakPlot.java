import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the soak's samples ({@code ./canhgac bench soak}) as PNG line charts with the JDK alone (no plotting
 * package on these machines), and prints the figures the soak is judged by: throughput, latency, lag, memory at the
 * start against the end, errors.
 *
 * <pre>java local/tools/SoakPlot.java SAMPLES.csv OUTPUT_DIRECTORY</pre>
 */
public class SoakPlot {

    private static final String[] SERVICES = {"gateway", "inventory", "advisory", "incident", "notification"};
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd)
    };

    record Sample(double seconds, double[] values) {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = List.of(lines.getFirst().split(","));
        List<Sample> samples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length != header.size()) {
                continue;
            }
            double[] values = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                values[i] = cells[i].isBlank() ? Double.NaN : Double.parseDouble(cells[i]);
            }
            samples.add(new Sample(values[0], values));
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        int requests = header.indexOf("requests");
        int requestSeconds = header.indexOf("request_seconds");
        int errors = header.indexOf("errors_5xx");

        Map<String, double[][]> throughput = new LinkedHashMap<>();
        Map<String, double[][]> latency = new LinkedHashMap<>();
        List<double[]> rate = new ArrayList<>();
        List<double[]> mean = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            double[] now = samples.get(i).values();
            double[] before = samples.get(i - 1).values();
            double dt = now[0] - before[0];
            double dn = now[requests] - before[requests];
            if (dt <= 0 || dn < 0) {
                continue;
            }
            rate.add(new double[] {now[0] / 60, dn / dt});
            if (dn > 0) {
                mean.add(new double[] {now[0] / 60, 1000 * (now[requestSeconds] - before[requestSeconds]) / dn});
            }
        }
        throughput.put("requests/s through the gateway", rate.toArray(double[][]::new));
        latency.put("mean latency at the gateway (ms)", mean.toArray(double[][]::new));
        chart(out.resolve("throughput.png"), "Throughput", "requests/s", throughput);
        chart(out.resolve("latency.png"), "Latency (mean over each 10 s)", "ms", latency);

        Map<String, double[][]> heap = new LinkedHashMap<>();
        Map<String, double[][]> lag = new LinkedHashMap<>();
        for (String service : SERVICES) {
            if (header.contains(service + "_heap_mib")) {
                heap.put(service, series(samples, header.indexOf(service + "_heap_mib")));
            }
            int lagColumn = header.indexOf(service + "_lag");
            if (lagColumn >= 0 && !service.equals("gateway") && !service.equals("inventory")) {
                lag.put(service, series(samples, lagColumn));
            }
        }
        int waiting = header.indexOf("deliveries_waiting");
        if (waiting >= 0) {
            lag.put("deliveries waiting", series(samples, waiting));
        }
        chart(out.resolve("memory.png"), "Heap used (MiB, sampled every 10 s)", "MiB", heap);
        chart(out.resolve("lag.png"), "Backlog: Kafka consumer lag (records) and deliveries waiting", "records", lag);

        System.out.printf(Locale.ROOT, "soak of %.0f minutes, %d samples%n", samples.getLast().seconds() / 60, samples.size());
        summary("throughput (req/s)", rate);
        summary("mean latency (ms)", mean);
        for (String service : heap.keySet()) {
            double[][] points = heap.get(service);
            System.out.printf(
                    Locale.ROOT,
                    "heap %-9s first 5 min %.0f MiB, last 5 min %.0f MiB (average of the samples)%n",
                    service,
                    average(points, 0, 5),
                    average(points, samples.getLast().seconds() / 60 - 5, Double.MAX_VALUE));
        }
        for (var entry : lag.entrySet()) {
            double[][] points = entry.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "backlog %-18s highest %.0f, average of the last 5 min %.0f%n",
                    entry.getKey(),
                    max(points),
                    average(points, samples.getLast().seconds() / 60 - 5, Double.MAX_VALUE));
        }
        System.out.printf(
                Locale.ROOT,
                "5xx answers at the gateway during the soak: %.0f%n",
                samples.getLast().values()[errors] - samples.getFirst().values()[errors]);
    }

    private static double[][] series(List<Sample> samples, int column) {
        return samples.stream()
                .filter(s -> !Double.isNaN(s.values()[column]))
                .map(s -> new double[] {s.seconds() / 60, s.values()[column]})
                .toArray(double[][]::new);
    }

    private static void summary(String what, List<double[]> points) {
        double min = Double.MAX_VALUE, max = 0, sum = 0;
        for (double[] p : points) {
            min = Math.min(min, p[1]);
            max = Math.max(max, p[1]);
            sum += p[1];
        }
        System.out.printf(
                Locale.ROOT, "%-20s average %.1f, lowest %.1f, highest %.1f%n", what, sum / points.size(), min, max);
    }

    private static double average(double[][] points, double fromMinute, double toMinute) {
        double sum = 0;
        int n = 0;
        for (double[] p : points) {
            if (p[0] >= fromMinute && p[0] <= toMinute) {
                sum += p[1];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double max(double[][] points) {
        double max = 0;
        for (double[] p : points) {
            max = Math.max(max, p[1]);
        }
        return max;
    }

    /** A line chart: minutes along the bottom, one line per series, zero-based y axis. */
    private static void chart(Path file, String title, String unit, Map<String, double[][]> series)
            throws IOException {
        int width = 1000, height = 420, left = 80, right = 20, top = 50, bottom = 50;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double maxX = 1, maxY = 1;
        for (double[][] points : series.values()) {
            for (double[] p : points) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxY = niceCeiling(maxY * 1.1);
        int plotWidth = width - left - right, plotHeight = height - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, left, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int y = top + plotHeight - i * plotHeight / 5;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, y, left + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxY * i / 5), 8, y + 4);
        }
        int minuteStep = maxX > 20 ? 5 : 1;
        for (int minute = 0; minute <= maxX; minute += minuteStep) {
            int x = left + (int) (minute / maxX * plotWidth);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x, top, x, top + plotHeight);
            g.setColor(Color.DARK_GRAY);
            g.drawString(minute + " min", x - 12, top + plotHeight + 18);
        }
        g.drawString(unit, 8, top - 8);
        int legend = 0;
        int colour = 0;
        for (var entry : series.entrySet()) {
            Color c = COLORS[colour++ % COLORS.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(1.8f));
            double[][] points = entry.getValue();
            for (int i = 1; i < points.length; i++) {
                g.drawLine(
                        left + (int) (points[i - 1][0] / maxX * plotWidth),
                        top + plotHeight - (int) (points[i - 1][1] / maxY * plotHeight),
                        left + (int) (points[i][0] / maxX * plotWidth),
                        top + plotHeight - (int) (points[i][1] / maxY * plotHeight));
            }
            g.fillRect(left + 10 + legend, height - 20, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), left + 28 + legend, height - 10);
            legend += 40 + g.getFontMetrics().stringWidth(entry.getKey());
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
