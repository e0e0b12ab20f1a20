using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// The report as JSON (--json FILE). Keys are stable snake_case; every fault and violation kind
/// is present, zero included, so a consumer never has to guess whether a key is missing or zero.
/// </summary>
internal static class SoakReportJson
{
    public static void Write(SoakReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("seed", report.Seed);
        json.WriteBoolean("deterministic", report.Deterministic);
        json.WriteNumber("ptys", report.Ptys);
        json.WriteNumber("duration_s", Math.Round(report.Elapsed.TotalSeconds, 3));
        json.WriteNumber("sessions", report.Sessions);
        json.WriteNumber("peak_live_sessions", report.PeakLiveSessions);
        json.WriteNumber("operations", report.Operations);
        json.WriteNumber("failed_operations", report.FailedOperations);

        json.WriteStartObject("bytes");
        WriteDirection(json, "manager_to_subsidiary", report.ManagerToSubsidiary);
        WriteDirection(json, "subsidiary_to_manager", report.SubsidiaryToManager);
        json.WriteNumber("total_received", report.TotalBytesReceived);
        json.WriteEndObject();

        json.WriteStartObject("terminal");
        json.WriteNumber("epochs", report.Terminal.Epochs);
        json.WriteNumber("operations", report.Terminal.Operations);
        json.WriteNumber("signals", report.Terminal.Signals);
        json.WriteEndObject();

        json.WriteStartObject("faults");
        foreach (var (kind, count) in report.Faults) json.WriteNumber(kind, count);
        json.WriteEndObject();

        json.WriteStartObject("violations");
        foreach (var violation in report.Violations)
        {
            json.WriteStartObject(violation.Kind);
            json.WriteNumber("count", violation.Count);
            if (violation.FirstExample is null) json.WriteNull("first");
            else json.WriteString("first", violation.FirstExample);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteNumber("violation_count", report.TotalViolations);

        json.WriteStartObject("throughput");
        json.WriteNumber("operations_per_s", Math.Round(report.OperationsPerSecond, 1));
        json.WriteNumber("bytes_per_s", Math.Round(report.BytesPerSecond, 1));
        json.WriteEndObject();

        json.WriteStartObject("latency_ms");
        json.WriteNumber("p50", Math.Round(report.LatencyP50.TotalMilliseconds, 3));
        json.WriteNumber("p99", Math.Round(report.LatencyP99.TotalMilliseconds, 3));
        json.WriteEndObject();

        json.WriteNumber("peak_managed_bytes", report.PeakManagedBytes);
        json.WriteStartObject("memory_budget");
        json.WriteNumber("base_bytes", report.MemoryBudget.BaseBytes);
        json.WriteNumber("per_pty_bytes", report.MemoryBudget.PerPtyBytes);
        json.WriteEndObject();
        json.WriteNumber("peak_minors", report.PeakMinors);
        json.WriteNumber("expected_dead_letters", report.ExpectedDeadLetters);
        json.WriteNumber("late_events", report.LateEvents);
        json.WriteEndObject();
    }

    public static void WriteFile(SoakReport report, string path)
    {
        using var file = File.Create(path);
        Write(report, file);
    }

    private static void WriteDirection(Utf8JsonWriter json, string name, DirectionBytes bytes)
    {
        json.WriteStartObject(name);
        json.WriteNumber("accepted", bytes.Accepted);
        json.WriteNumber("received", bytes.Received);
        json.WriteEndObject();
    }
}
