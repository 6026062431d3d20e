namespace Kinerja.Web;

/// <summary>
/// Marker for the shared strings. Keys are the Indonesian text itself (the default language);
/// Resources/SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
