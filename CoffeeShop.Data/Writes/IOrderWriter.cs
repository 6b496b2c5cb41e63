using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Data.Writes;

/// <summary>
/// The one way a new order reaches the database. <see cref="EfCoreOrderWriter"/> and <see cref="SqliteOrderWriter"/>
/// write; <see cref="OrderCommitQueue"/> batches calls in front of either. Which ones run is decided once, in
/// <see cref="DataServiceCollectionExtensions.AddCoffeeShopData"/>. A new field or child table of an order is written by
/// both writers from the EF model, and <c>OrderWriterTests</c> runs the same scenarios through each.
/// </summary>
internal interface IOrderWriter
{
    /// <summary>
    /// Inserts each order with its lines and idempotency record, atomically, and gives each committed order its id.
    /// A unique key that refuses a row (a reused idempotency key, a duplicate code) throws
    /// <see cref="Domain.Common.ConflictException"/> and leaves that order unwritten and without an id.
    /// </summary>
    Task WriteAsync(IReadOnlyList<NewOrder> orders, CancellationToken cancellationToken);
}

/// <summary>An order to insert, with the idempotent request it answers, if any.</summary>
internal sealed record NewOrder(Order Order, IdempotentRequest? Idempotency);
