using Kinerja.Data.Audit;
using Kinerja.Engine;

namespace Kinerja.Data.Remunerasi;

/// <summary>
/// Rows of a period's data. Service lines are dated; the other rows name their period (YYYY-MM, or YYYY-Qn when a
/// quarter's case was loaded whole). Rows of a period with a paid run cannot change (the period is closed).
/// They are not audited one by one: their <see cref="ImportBatch"/> is, and an import that changes a row writes an
/// audit entry for that row.
/// </summary>
public interface IPeriodRow : IInstitutionOwned;

/// <summary>One service line from the SIMRS (calculation.md §2): the hospital and the SIMRS line id are its key.</summary>
public class ServiceLine : IPeriodRow
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>The SIMRS's id of the line.</summary>
    public required string LineId { get; set; }

    public DateOnly Date { get; set; }

    public required string StaffCode { get; set; }

    public required string Service { get; set; }

    public Payer Payer { get; set; }

    public long Quantity { get; set; }

    public bool WorkingHours { get; set; } = true;

    public long? ImportBatchId { get; set; }
}

/// <summary>A quality indicator result of one doctor for a period: numerator of denominator (EMR filled 95 of 100).</summary>
public class QualityResult : IPeriodRow
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    public required string Period { get; set; }

    public required string StaffCode { get; set; }

    public required string Indicator { get; set; }

    public decimal Numerator { get; set; }

    public decimal Denominator { get; set; }

    public long? ImportBatchId { get; set; }
}

/// <summary>How many times a doctor did an added-value activity in a period.</summary>
public class AddedValueEntry : IPeriodRow
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    public required string Period { get; set; }

    public required string StaffCode { get; set; }

    public required string Activity { get; set; }

    public long Count { get; set; }

    public long? ImportBatchId { get; set; }
}

/// <summary>How many duty shifts of a kind someone served in a period (from the duty roster).</summary>
public class DutyEntry : IPeriodRow
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    public required string Period { get; set; }

    public required string StaffCode { get; set; }

    public required string Shift { get; set; }

    public long Count { get; set; }

    public long? ImportBatchId { get; set; }
}

public enum ImportKind
{
    Staff,
    ServiceLines,
    Quality,
    AddedValue,
    Duty,
    Case,
}

/// <summary>One accepted import (file upload, CLI or SIMRS API): what came in and what it changed.</summary>
public class ImportBatch : IInstitutionOwned, IAudited
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    public ImportKind Kind { get; set; }

    /// <summary>web, cli or api.</summary>
    public required string Source { get; set; }

    public string? FileName { get; set; }

    public string? Period { get; set; }

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Removed { get; set; }

    public required string ImportedBy { get; set; }

    public DateTime ImportedAt { get; set; }
}
