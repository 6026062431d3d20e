using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>A comment with the replies under it, for display.</summary>
public sealed record CommentNode(Comment Comment, IReadOnlyList<CommentNode> Replies, int Depth, string? ReplyToName);

public static class Discussions
{
    /// <summary>Replies nest this deep; deeper ones are shown at this depth with "membalas …".</summary>
    public const int MaxDepth = 3;

    public static bool IsModerator(ClaimsPrincipal user) => user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin);

    /// <summary>A member is trusted (published at once, links kept) after enough of their comments were published.</summary>
    public static async Task<bool> IsTrustedAsync(KinerjaDb db, ClaimsPrincipal user, string userId, int approvedBeforeTrust) =>
        IsModerator(user)
        || await db.Comments.CountAsync(c => c.AuthorUserId == userId && c.Status == CommentStatus.Tayang) >= approvedBeforeTrust;

    /// <summary>
    /// The thread as readers see it: published comments, deleted ones as placeholders when replies hang under
    /// them, and the viewer's own comments still waiting for a moderator.
    /// </summary>
    public static IReadOnlyList<CommentNode> Thread(IReadOnlyList<Comment> all, string? viewerId, bool moderator)
    {
        bool Visible(Comment c) => c.Status == CommentStatus.Tayang
                                   || (c.Status == CommentStatus.Menunggu && (moderator || (viewerId is not null && c.AuthorUserId == viewerId)));
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var byId = all.ToDictionary(c => c.Id);

        bool Shown(Comment c) => Visible(c) && !c.IsDeleted;

        List<CommentNode> Build(IEnumerable<Comment> level, int depth)
        {
            var nodes = new List<CommentNode>();
            foreach (var c in level.OrderBy(c => c.PostedAt).ThenBy(c => c.Id))
            {
                if (depth < MaxDepth)
                {
                    var replies = Build(children[c.Id], depth + 1);
                    // A deleted comment stays as a placeholder only while replies hang under it.
                    if (Shown(c) || (c.Status == CommentStatus.Tayang && replies.Count > 0))
                        nodes.Add(new CommentNode(c, replies, depth, null));
                }
                else
                {
                    nodes.AddRange(Flatten(c, depth, root: true));
                }
            }
            return nodes;
        }

        // At the deepest level a comment and every reply below it line up as siblings, each naming whom it answers.
        List<CommentNode> Flatten(Comment c, int depth, bool root)
        {
            var below = children[c.Id].OrderBy(r => r.PostedAt).ThenBy(r => r.Id).SelectMany(r => Flatten(r, depth, root: false)).ToList();
            if (!Shown(c) && !(c.Status == CommentStatus.Tayang && below.Count > 0))
                return below;
            var replyTo = !root && c.ParentId is int p && byId.TryGetValue(p, out var parent) ? parent.AuthorName : null;
            return [new CommentNode(c, [], depth, replyTo), .. below];
        }

        return Build(all.Where(c => c.ParentId is null), 1);
    }

    public static int CountVisible(IReadOnlyList<CommentNode> nodes) =>
        nodes.Sum(n => (n.Comment.IsDeleted ? 0 : 1) + CountVisible(n.Replies));
}
