namespace Kinerja.Data.Remunerasi;

/// <summary>A run that goes the four-eyes way: a monthly calculation run or an extra pay run.</summary>
public interface IWorkflowRun
{
    RunStatus Status { get; set; }

    string CalculatedBy { get; }

    string? VerifiedBy { get; set; }

    DateTime? VerifiedAt { get; set; }

    string? ApprovedBy { get; set; }

    DateTime? ApprovedAt { get; set; }

    string? PaidBy { get; set; }

    DateTime? PaidAt { get; set; }

    /// <summary>How the run is named in a message: "Perhitungan 2026-10 versi 2", "\"THR 2026\"".</summary>
    (string Indonesian, string English) Name { get; }
}

/// <summary>
/// The steps both kinds of run take: draft → verified by someone other than who calculated → approved → paid.
/// Each step checks the state, records who and when, or says why not; the caller saves.
/// </summary>
public static class RunWorkflow
{
    public static RunProblem? Verify(IWorkflowRun run, KinerjaDb db)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(db);
        if (run.Status != RunStatus.Draft)
            return WrongState(run, "draf", "draft");
        if (string.Equals(run.CalculatedBy, db.Actor.Name, StringComparison.OrdinalIgnoreCase))
            return new("Verifikasi harus oleh orang lain daripada yang menghitung.", "The run must be verified by someone other than the person who calculated it.");
        (run.Status, run.VerifiedBy, run.VerifiedAt) = (RunStatus.Verified, db.Actor.Name, db.Clock.GetUtcNow().UtcDateTime);
        return null;
    }

    public static RunProblem? Approve(IWorkflowRun run, KinerjaDb db)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(db);
        if (run.Status != RunStatus.Verified)
            return WrongState(run, "terverifikasi", "verified");
        (run.Status, run.ApprovedBy, run.ApprovedAt) = (RunStatus.Approved, db.Actor.Name, db.Clock.GetUtcNow().UtcDateTime);
        return null;
    }

    public static RunProblem? Pay(IWorkflowRun run, KinerjaDb db)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(db);
        if (run.Status != RunStatus.Approved)
            return WrongState(run, "disetujui", "approved");
        (run.Status, run.PaidBy, run.PaidAt) = (RunStatus.Paid, db.Actor.Name, db.Clock.GetUtcNow().UtcDateTime);
        return null;
    }

    public static RunProblem WrongState(IWorkflowRun run, string expected, string expectedEnglish)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (name, english) = run.Name;
        return new(
            $"{name} berstatus {Label(run.Status)}; langkah ini hanya untuk yang berstatus {expected}.",
            $"{english} is {run.Status.ToString().ToLowerInvariant()}; this step is only for a {expectedEnglish} run.");
    }

    /// <summary>Indonesian name of a status.</summary>
    public static string Label(RunStatus status) => status switch
    {
        RunStatus.Draft => "draf",
        RunStatus.Verified => "terverifikasi",
        RunStatus.Approved => "disetujui",
        RunStatus.Paid => "dibayar",
        RunStatus.Superseded => "diganti versi baru",
        _ => status.ToString(),
    };
}
