namespace Kinerja.Data.Audit;

/// <summary>One change of audited data: who, when, what before and after (product.md §1).</summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC instant of the change.</summary>
    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public int? InstitutionId { get; set; }

    /// <summary>Entity type name, e.g. Staff, ServiceRate, CalculationRun.</summary>
    public required string Entity { get; set; }

    public required string EntityKey { get; set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON of the changed properties before the change (null when added).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed properties after the change (null when deleted).</summary>
    public string? After { get; set; }
}

/// <summary>Entities whose every change lands in the audit trail.</summary>
public interface IAudited;
