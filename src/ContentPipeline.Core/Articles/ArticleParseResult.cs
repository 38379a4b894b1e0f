using System.Diagnostics.CodeAnalysis;

namespace ContentPipeline.Core.Articles;

/// <summary>Either a parsed <see cref="Articles.Article"/> or the <see cref="ArticleError"/> that stopped it.</summary>
public sealed class ArticleParseResult
{
    private ArticleParseResult(Article? article, ArticleError? error) => (Article, Error) = (article, error);

    /// <summary>The article, when parsing succeeded.</summary>
    public Article? Article { get; }

    /// <summary>The reason, when parsing failed.</summary>
    public ArticleError? Error { get; }

    /// <summary>True when <see cref="Article"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Article is not null;

    /// <summary>A successful result.</summary>
    public static ArticleParseResult Success(Article article) => new(article, null);

    /// <summary>A failed result.</summary>
    public static ArticleParseResult Failure(ArticleError error) => new(null, error);

    /// <summary>A failed result.</summary>
    public static ArticleParseResult Failure(string message, int? line = null) => new(null, new ArticleError(message, line));
}
