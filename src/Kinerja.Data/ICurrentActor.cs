namespace Kinerja.Data;

/// <summary>
/// Who is acting: the web app derives it from the signed-in user, the CLI from the OS user.
/// Drives the audit trail and which institutions' rows a query may see.
/// </summary>
public interface ICurrentActor
{
    string Name { get; }

    int? InstitutionId { get; }

    /// <summary>Institutions whose rows are visible; null means all (installation admin, CLI, seeding).</summary>
    IReadOnlyCollection<int>? VisibleInstitutionIds { get; }
}

/// <summary>The actor of the CLI, migrations and the seeder: sees everything.</summary>
public sealed class SystemActor(string name) : ICurrentActor
{
    public string Name { get; } = name;

    public int? InstitutionId => null;

    public IReadOnlyCollection<int>? VisibleInstitutionIds => null;
}
