namespace Kinerja.Data;

public enum InstitutionKind
{
    RumahSakit,
    DinasKesehatan,
    Puskesmas,
    Komunitas,
}

/// <summary>
/// A hospital, a district health office, a puskesmas (under its Dinas), or the community.
/// Every row of institution data carries its institution so one installation can serve many.
/// </summary>
public class Institution : Audit.IAudited
{
    public int Id { get; set; }

    /// <summary>Short stable code, e.g. RSUP-CONTOH, DINKES-SLEMAN, PKM-MOYUDAN.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public InstitutionKind Kind { get; set; }

    /// <summary>The KMK cluster of a hospital (A, B, C, ...), which sets its remuneration ceilings.</summary>
    public string? KmkCluster { get; set; }

    /// <summary>The kabupaten/kota the institution is in (for the UMK of contracts).</summary>
    public string? KabupatenKota { get; set; }

    public string? Provinsi { get; set; }

    /// <summary>A puskesmas's Dinas Kesehatan.</summary>
    public int? ParentId { get; set; }

    public Institution? Parent { get; set; }
}

/// <summary>Rows that belong to one institution; the context filters them to what the user may see.</summary>
public interface IInstitutionOwned
{
    int InstitutionId { get; }
}
