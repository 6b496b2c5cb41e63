namespace CoffeeShop.Data.Seed;

/// <summary>The menu a new database starts with: descriptions written for CoffeeShop.</summary>
internal static class MenuSeedData
{
    internal static IReadOnlyList<SeedMenuItem> Items { get; } =
    [
        new("hot", "Black", "Freshly brewed drip coffee from our house blend, served hot and unadorned. Smooth and balanced, with room for a splash of milk if you fancy one.", ["Coffee"], 2.50m, "/images/menu/black.svg", SeedSizes.Cup, ["extra-shots", "syrups", "sweetener"]),
        new("hot", "Latte", "A double shot of espresso topped up with plenty of silky steamed milk and a thin cap of microfoam. Mellow, creamy and very easy to love.", ["Espresso", "Steamed milk", "Milk foam"], 3.90m, "/images/menu/latte.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups", "sweetener"]),
        new("hot", "Cappuccino", "Espresso, steamed milk and airy foam in roughly equal measure, built in a smaller cup than a latte. Less milk means the coffee comes through bolder.", ["Espresso", "Steamed milk", "Milk foam"], 3.70m, "/images/menu/cappuccino.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups", "sweetener"]),
        new("hot", "Americano", "Espresso shots lengthened with hot water, giving a cup about as strong as filter coffee but with the fuller, rounder body of espresso.", ["Espresso", "Hot water"], 2.90m, "/images/menu/americano.svg", SeedSizes.Cup, ["extra-shots", "syrups", "sweetener"]),
        new("hot", "Espresso", "A single concentrated shot pulled under pressure through finely ground coffee and crowned with golden crema. Short, intense and full of flavour.", ["Espresso"], 2.20m, "/images/menu/espresso.svg", SeedSizes.Single, ["sweetener"]),
        new("hot", "Doppio", "Twice the espresso: a double shot served in a small cup for the days when one simply won't do. Same rich crema, double the kick.", ["Espresso"], 2.80m, "/images/menu/doppio.svg", SeedSizes.Single, ["sweetener"]),
        new("hot", "Cortado", "Espresso cut with a roughly equal amount of warm steamed milk and barely any foam. Small, smooth and neatly balanced.", ["Espresso", "Steamed milk"], 3.20m, "/images/menu/cortado.svg", SeedSizes.Single, ["milk", "extra-shots", "sweetener"]),
        new("hot", "Red Eye", "A mug of our drip coffee with a shot of espresso dropped in for extra lift. Just the thing for long mornings and early starts.", ["Coffee", "Espresso"], 3.30m, "/images/menu/red-eye.svg", SeedSizes.Cup, ["extra-shots", "sweetener"]),
        new("hot", "Galão", "Portugal's answer to the latte: a tall glass holding one shot of espresso and about three times as much foamy hot milk. Gentle and milky.", ["Espresso", "Foamed milk"], 3.80m, "/images/menu/galao.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups", "sweetener"]),
        new("hot", "Lungo", "An espresso pulled long, letting roughly twice the usual water run through the grounds. The result is a bigger, lighter shot with a pleasantly bitter edge.", ["Espresso"], 2.60m, "/images/menu/lungo.svg", SeedSizes.Single, ["sweetener"]),
        new("hot", "Macchiato", "A shot of espresso \"marked\" with a small spoonful of milk foam. All the punch of an espresso, just softened around the edges.", ["Espresso", "Milk foam"], 2.70m, "/images/menu/macchiato.svg", SeedSizes.Single, ["milk", "extra-shots", "sweetener"]),
        new("hot", "Mocha", "Espresso stirred into rich chocolate sauce, topped with steamed milk and a swirl of whipped cream. Half coffee, half hot chocolate, all comfort.", ["Espresso", "Chocolate sauce", "Steamed milk", "Whipped cream"], 4.40m, "/images/menu/mocha.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups"]),
        new("hot", "Ristretto", "A restricted espresso made with about half the usual water, giving a tiny, syrupy shot that tastes sweeter and less bitter than a standard one.", ["Espresso"], 2.40m, "/images/menu/ristretto.svg", SeedSizes.Single, ["sweetener"]),
        new("hot", "Flat White", "Two ristretto shots with a thin layer of velvety steamed milk poured over the top. Stronger than a latte, with a glossy, smooth finish.", ["Espresso", "Steamed milk"], 3.60m, "/images/menu/flat-white.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups", "sweetener"]),
        new("hot", "Affogato", "A scoop of vanilla ice cream drowned in a freshly pulled shot of hot espresso and served straight away. Dessert and coffee in one little glass.", ["Vanilla ice cream", "Espresso"], 4.20m, "/images/menu/affogato.svg", SeedSizes.Single, []),
        new("hot", "Café au Lait", "French-style breakfast coffee: strong brewed coffee & hot steamed milk poured together in equal parts, served in a wide cup that's perfect for dunking.", ["Coffee", "Steamed milk"], 3.20m, "/images/menu/cafe-au-lait.svg", SeedSizes.Cup, ["milk", "syrups", "sweetener"]),
        new("hot", "Irish", "Hot coffee sweetened with brown sugar, laced with Irish whiskey and finished with a layer of lightly whipped cream floating on top.", ["Coffee", "Irish whiskey", "Brown sugar", "Cream"], 6.50m, "/images/menu/irish.svg", SeedSizes.Single, []),
        new("iced", "Iced Coffee", "Our house coffee brewed strong, cooled and poured over a glass full of ice. Add milk or a little syrup to make it your own.", ["Coffee", "Ice"], 3.00m, "/images/menu/iced-coffee.svg", SeedSizes.Cup, ["extra-shots", "syrups", "sweetener"]),
        new("iced", "Iced Espresso", "A double shot of espresso poured straight over ice and given a quick stir. Bold, bracing and refreshingly cold.", ["Espresso", "Ice"], 3.10m, "/images/menu/iced-espresso.svg", SeedSizes.Single, ["extra-shots", "sweetener"]),
        new("iced", "Cold Brew", "Coarsely ground coffee steeped in cold water for around 18 hours, then strained and served over ice. Naturally smooth, with low acidity.", ["Coffee", "Cold water", "Ice"], 3.80m, "/images/menu/cold-brew.svg", SeedSizes.Cup, ["extra-shots", "syrups", "sweetener"]),
        new("iced", "Frappuccino", "Coffee, milk, sugar and ice whizzed together in a blender until thick and frosty, then topped with whipped cream. A milkshake-style treat.", ["Coffee", "Milk", "Ice", "Sugar", "Whipped cream"], 5.20m, "/images/menu/frappuccino.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups"]),
        new("iced", "Nitro", "Cold brew infused with nitrogen and poured from a tap, giving it a creamy, cascading texture and a foamy head without any milk at all.", ["Cold brew coffee", "Nitrogen"], 4.50m, "/images/menu/nitro.svg", SeedSizes.Cup, ["syrups", "sweetener"]),
        new("iced", "Mazagran", "A zesty iced coffee with Algerian roots: chilled espresso mixed with lemon juice and a touch of sugar, then poured over plenty of ice.", ["Espresso", "Lemon juice", "Sugar", "Ice"], 3.90m, "/images/menu/mazagran.svg", SeedSizes.Cup, []),
        new("iced", "Dalgona", "Instant coffee, sugar and hot water whipped into a fluffy golden cream, then spooned over cold milk and ice. Give it a stir before sipping.", ["Instant coffee", "Sugar", "Milk", "Ice"], 4.30m, "/images/menu/dalgona.svg", SeedSizes.Cup, ["milk"]),
        new("iced", "Iced Latte", "Espresso poured over ice and topped up with cold milk for a smooth, mellow drink that's just right on a warm afternoon.", ["Espresso", "Cold milk", "Ice"], 3.90m, "/images/menu/iced-latte.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups", "sweetener"]),
        new("iced", "Iced Mocha", "Espresso and chocolate sauce mixed with cold milk, poured over ice and finished with whipped cream and a drizzle of chocolate.", ["Espresso", "Chocolate sauce", "Cold milk", "Ice", "Whipped cream"], 4.60m, "/images/menu/iced-mocha.svg", SeedSizes.Cup, ["milk", "extra-shots", "syrups"]),
        new("iced", "Affogato Freddo", "A cooler cousin of the affogato: chilled espresso poured over a scoop of vanilla ice cream in a tall glass of ice, melting into a creamy iced coffee.", ["Vanilla ice cream", "Espresso", "Ice"], 4.80m, "/images/menu/affogato-freddo.svg", SeedSizes.Single, []),
    ];
}

/// <summary>A seeded drink; <paramref name="Price"/> is its default size's price.</summary>
internal sealed record SeedMenuItem(
    string Category,
    string Title,
    string Description,
    IReadOnlyList<string> Ingredients,
    decimal Price,
    string Image,
    SeedSizes Sizes,
    IReadOnlyList<string> OptionGroups);

/// <summary>How a seeded drink is sized.</summary>
internal enum SeedSizes
{
    /// <summary>Small, medium (the default, at the drink's price) and large.</summary>
    Cup,

    /// <summary>One regular size: espresso-style drinks come as they come.</summary>
    Single,
}
