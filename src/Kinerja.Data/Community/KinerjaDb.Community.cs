using Kinerja.Data.Community;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>
/// The community of practice (product.md §3). Its rows are public content of one community, so
/// none of them is <see cref="IInstitutionOwned"/>: anonymous readers must see them.
/// </summary>
public abstract partial class KinerjaDb
{
    public DbSet<CommunityPage> CommunityPages => Set<CommunityPage>();

    public DbSet<CommunityMember> CommunityMembers => Set<CommunityMember>();

    public DbSet<AlertConsent> AlertConsents => Set<AlertConsent>();

    public DbSet<DiscussionPeriod> DiscussionPeriods => Set<DiscussionPeriod>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentFlag> CommentFlags => Set<CommentFlag>();

    public DbSet<LibraryItem> LibraryItems => Set<LibraryItem>();

    public DbSet<LibraryFile> LibraryFiles => Set<LibraryFile>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
}
