namespace WorkPlan.Core.Common;

/// <summary>The kinds of outcome a use case can have besides success.</summary>
public enum ResultStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>A validation problem: which field, and a resource key describing it.</summary>
public sealed record ValidationError(string Field, string MessageKey, params object[] Arguments);

/// <summary>An expected outcome of a use case; exceptions are kept for bugs and infrastructure failures.</summary>
public class Result
{
    protected Result(ResultStatus status, IReadOnlyList<ValidationError> errors)
    {
        Status = status;
        Errors = errors;
    }

    public ResultStatus Status { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result Ok() => new(ResultStatus.Ok, []);

    public static Result NotFound() => new(ResultStatus.NotFound, []);

    public static Result Forbidden() => new(ResultStatus.Forbidden, []);

    public static Result Conflict() => new(ResultStatus.Conflict, []);

    public static Result Invalid(IReadOnlyList<ValidationError> errors) => new(ResultStatus.Invalid, errors);
}

/// <summary>An expected outcome carrying a value when it succeeded.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(ResultStatus status, T? value, IReadOnlyList<ValidationError> errors)
        : base(status, errors) => _value = value;

    public T Value => IsOk ? _value! : throw new InvalidOperationException($"A {Status} result has no value.");

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, []);

    public static new Result<T> NotFound() => new(ResultStatus.NotFound, default, []);

    public static new Result<T> Forbidden() => new(ResultStatus.Forbidden, default, []);

    public static new Result<T> Conflict() => new(ResultStatus.Conflict, default, []);

    public static new Result<T> Invalid(IReadOnlyList<ValidationError> errors) => new(ResultStatus.Invalid, default, errors);
}
