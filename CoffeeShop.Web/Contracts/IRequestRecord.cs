namespace CoffeeShop.Web.Contracts;

/// <summary>
/// A request body read as a typed record: its <c>required</c> members must be sent, and a member whose type is not
/// nullable may not be null. Either failure is a 400 naming each such field (<see cref="RequestJson"/>). Members
/// that are neither may be left out: an optional member is one line, with its default.
/// </summary>
public interface IRequestRecord
{
}
