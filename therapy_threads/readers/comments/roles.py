"""What the parts of a comment are called across themes and systems.

Each comment system names its own parts (``base.CommentSystem.*_classes``); these general lists
are tried after them. They come from the templates the systems ship (WordPress core and default
themes, Blogger, Drupal, Movable Type/Typepad, schema.org microdata, microformats2) and the common variations
of those names in themes. Class tokens are compared lower-cased and whole.
"""
from __future__ import annotations

import re

CONTENT = (
    "comment-content", "comment-text", "comment_text", "commenttext", "comment-entry", "commententry",
    "comment-body-text", "comment-message", "commentcontent", "comment_content",
    "comment-content-inner", "comment-inner-text", "comment__content", "comment__text",
    "comment__body", "comment-excerpt", "comment-txt", "comment-desc", "commentbody",
    "comment-detail",
    "comment_body", "post-text", "text", "message", "entry-content",
    # microformats2 (h-entry/h-cite): the words of an IndieWeb theme's or a webmention's comment
    "e-content", "p-content",
    # last: a comment block's plain "content" part (CSS-modules builds: "content--2GFZCWhT")
    "content",
)
CONTENT_ITEMPROP = ("text", "commenttext", "description", "articlebody")
AUTHOR = (
    "fn", "comment-author-name", "comment-author-link", "comment_author", "commentauthor",
    "comment-author", "author-name", "authorname", "comment-name", "commenter",
    "commenter-name", "comment-user", "username", "user-name", "nickname", "comment__author",
    "author", "user", "name", "poster", "comment-poster", "commentor", "commentor-info",
    "commenter-info",
    # the name as the profile's display name (AOL's comment module: ``b.display-name``)
    "display-name", "displayname",
    # the name as a link to the member's page (paopao-ce's ``comment-item.vue``: ``a.username-link``)
    "username-link",
    # the name as the title of the commenter's user card ("comment-user-title"; a reply's
    # "sub-comment-user-title" is the same role under a prefix)
    "comment-user-title",
    # Drupal 6's comment.tpl.php prints the byline as ``.submitted`` ("Submitted by NAME on DATE",
    # or the theme's own "DATE — NAME"): the name is its link, or its words without the date.
    "submitted",
    # microformats2: the comment's ``p-author h-card`` (its ``p-name`` inside, with the photo)
    "p-author",
    # the same in the languages of the corpus's sites (German, French, Spanish, Italian)
    "benutzer", "verfasser", "autor", "auteur", "autore", "usuario", "utente", "utilisateur",
)
AUTHOR_ITEMPROP = ("author", "creator", "name")
DATE = (
    "comment-date", "comment-time", "comment-metadata", "commentmetadata", "comment-meta",
    "comment-timestamp", "comment-datetime", "comment__time", "comment__date", "timestamp",
    "commenttimestamp", "commentdate", "commenttime",
    "datetime", "date", "time", "published", "post-time", "post-date", "meta", "datestamp",
    "datum", "fecha", "zeit", "heure", "submitted",
    # paopao-ce's ``reply-item.vue`` / ``compose-reply.vue``: ``span.time-item`` (its
    # ``.timestamp`` holds the commenter's IP location, not a time)
    "time-item",
    "comment-user-time",
    "dt-published",  # microformats2
)
DATE_ITEMPROP = ("datepublished", "datecreated", "commenttime", "datemodified")
# "date" carries epoch milliseconds on Sina's comment widget (``span.time[date]``, text "5月16日18:14"
# without the year), "ts" an ISO time on new Reddit's ``faceplate-timeago``; only a machine value (when_from_machine) is taken from any of these first.
DATE_ATTRS = ("datetime", "content", "data-time", "data-timestamp", "data-datetime", "data-utime",
              "data-date", "date", "ts", "title")
LIKES = (
    "comment-likes-count", "comment-like-count", "like-count", "likes-count", "likecount",
    "comment-likes", "comment-like", "likes", "like",
)
# The list of members who reacted to a post, printed under it by forum engines: names of other
# members (a privacy channel), never the poster's words. From the engines' templates: XenForo 2.2+
# ``post_macros`` ``div.reactionsBar.js-reactionsList`` ("Reactions: A, B and 3 others" in
# ``a.reactionsBar-link``; styles print ``span.reactionsBar-reactors``), 2.0/2.1
# ``div.likesBar.js-likeList`` ("Likes: A, B" in ``a.likesBar-likes``), 1.x
# ``div.likesSummary`` > ``span.LikeText`` ("A, B and 3 others like this."); vBSEO's
# ``div.vbseo_liked`` under a vBulletin post ("A and B like this."); Invision Community 4's
# ``reactionBlurb`` (``div.ipsReact_blurb`` > ``div.ipsReact_overview``: "A, B and 2 others
# reacted to this"); Discourse's ``small-user-list`` ``div.who-liked`` ("liked this"); Asgaros
# Forum's ``div.post-reactions-summary`` > ``div.reaction-names`` ("A and B have reacted to this
# post.").
REACTION_LISTS = frozenset({
    "reactionsbar", "js-reactionslist", "reactionsbar-link", "reactionsbar-reactors",
    "likesbar", "js-likelist", "likesbar-likes", "likessummary", "liketext",
    "vbseo_liked", "ipsreact_blurb", "ipsreact_overview", "who-liked",
    "post-reactions-summary", "reaction-names",
})
# The same lists where the template names the box only by the post's id: vBulletin's Post Thank
# You Hack (``post_thanks_box`` template: ``div#post_thanks_box_{postid}``, "The following 3 users
# say Thank You to X for this useful post: A, B, C"; ``li`` in vBulletin 4's postbit) and its
# "groan" twin, phpBB's Thanks for Posts extension (``div#list_thanks{postid}``: "Thanked by X"
# and the names).
REACTION_LIST_IDS = re.compile(r"^(?:post_thanks_box_|post_groan_box_|list_thanks)\d+$")
# Subtrees of a comment that are never what the commenter wrote.
META = frozenset({
    "reply", "reply-link", "replylink", "comment-reply", "comment-reply-link", "comment-reply-login",
    "comment-edit-link", "edit-link", "permalink", "comment-permalink", "comment-meta",
    "comment-metadata", "commentmetadata", "commentmeta", "says", "avatar", "avatar-image-container", "photo",
    "comment-awaiting-moderation", "moderation", "comment-actions", "comment-tools",
    "comment-like", "comment-likes", "comment-like-count", "comment-likes-count", "likes", "like",
    "vote", "votes", "voting", "rating", "comment-rating", "karma", "score", "share", "sharing",
    "sharedaddy", "report", "flag", "comment-report", "comment-flag", "signature",
    "screen-reader-text", "visually-hidden", "sr-only", "comment-author", "comment-date",
    "comment-time", "comment-timestamp", "timestamp", "byline", "comment-byline", "comment-number",
    "comment-num", "commentnumber", "comment-count", "comment-id", "badge", "comment-label",
    "reply-to", "in-reply-to", "comment-nav", "comment-navigation", "toggle", "more-replies",
    "load-more", "comment-header", "comment-footer", "comment-author-info",
    "comment-subscription", "comment-quote-link", "quote-link", "comment-options",
    "comment-controls", "comment-buttons", "comment-toolbar", "comment-like-feedback",
    "comment__meta", "comment__actions", "comment__permalink", "comment-admin", "vcard",
    "metadata", "meta-data", "meta-info", "post-info", "comment-meta-data", "floor", "floor-id",
    # a menu's button and list ("Select ...", "Copy Link", "Report") beside or in the words
    "dropdown", "dropdown-menu", "dropdown-title",
    "tt-flattened",  # a subtree too deep to parse (html_text.bound_depth): never one comment's text
    # CommentLuv appends the commenter's latest post to the words ("NAME recently posted..<a>TITLE
    # </a>" in ``span.cluv``, with its ``span.heart_tip_box`` icon): the plugin's, naming the author.
    "cluv", "heart_tip_box",
}) | REACTION_LISTS
# Token shapes that are metadata whatever their prefix ("reply-comment", "comment-tools").
META_PATTERN = re.compile(r"^(?:[a-z0-9]+[-_]|comment)?(?:meta(?:data)?|meta[-_]data|reply(?:[-_]?(?:link|comment|"
                          r"button|btn|to))?|replylink|permalink|actions?|tools|toolbar|"
                          r"report|flag|share|sharing|voting|(?:votes?|likes?)(?:[-_]?(?:button|btn))?)$")
# A block inside a comment that holds the blog owner's answer to it (blog platforms that print
# the owner's reply under each comment instead of as a comment of its own).
OWNER_REPLY = re.compile(r"^(?:reply[-_]?(?:text|content|body)|(?:author|admin|owner|blogger|"
                         r"blog[-_]?owner|webmaster)[-_](?:reply|response|answer|comment))$")
META_TAGS = frozenset({"form", "button", "input", "select", "textarea", "script", "style",
                       "noscript", "template", "svg", "iframe", "time"})
# Class tokens of a block that holds the replies of the comment it follows or sits in.
REPLY_WRAPPER_WORDS = ("indented", "children", "child", "replies", "reply-list", "comment-replies",
                       "sub-comments", "subcomments", "sub-comment", "comments-children",
                       "child-comments", "comment-children", "nested", "nested-comments",
                       "sous-forum", "thread-children", "answers", "responses", "inline-thread")
# Class tokens marking the post's author as the commenter.
POST_AUTHOR = frozenset({"bypostauthor", "by-node-author", "comment-by-node-author",
                         "by-post-author", "post-author", "author-comment", "blog-author",
                         "comment-author-admin", "is-author", "owner", "byauthor"})

# A link to a person's profile page (the author link of a comment or a post).
PROFILE_HREF = re.compile(
    r"/(?:profiles?|members?|users?|u|author|benutzer|mitglied(?:er)?|membres?|perfil|"
    r"profil|utente|people)(?:[/.]|$)|(?:member|memberlist|profile)\.php|"
    r"[?&](?:u|user|userid|uid|member|mode=viewprofile)(?:=|&|$)|"
    # a profile page named by a query ("user?id=NAME", "profile?u=ID")
    r"(?:^|/)(?:user|users|profile|member)\?|"
    # a person's own page named by a tilde, the Unix home-directory convention
    # (Launchpad's "launchpad.net/~login", university "/~name/")
    r"(?:^|/)~[\w.-]+/?(?:\?|$)", re.I)
