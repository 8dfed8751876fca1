namespace Omni.Server.Demo;

/// <summary>The demo retailer's network: 50 stores in French cities (real coordinates) and 3 distribution centers.</summary>
internal static class DemoNetwork
{
    public sealed record Place(string City, string PostalCode, double Latitude, double Longitude);

    public static readonly Place[] Stores =
    [
        new("Paris", "75009", 48.8719, 2.3316), new("Paris", "75015", 48.8412, 2.3003), new("Paris", "75011", 48.8590, 2.3800),
        new("Paris", "75017", 48.8835, 2.3219), new("Boulogne-Billancourt", "92100", 48.8352, 2.2410), new("Versailles", "78000", 48.8049, 2.1204),
        new("Saint-Denis", "93200", 48.9362, 2.3574), new("Créteil", "94000", 48.7904, 2.4556), new("Marseille", "13001", 43.2965, 5.3698),
        new("Marseille", "13008", 43.2430, 5.3790), new("Lyon", "69002", 45.7578, 4.8320), new("Lyon", "69006", 45.7700, 4.8520),
        new("Villeurbanne", "69100", 45.7719, 4.8902), new("Toulouse", "31000", 43.6047, 1.4442), new("Nice", "06000", 43.7102, 7.2620),
        new("Nantes", "44000", 47.2184, -1.5536), new("Montpellier", "34000", 43.6108, 3.8767), new("Strasbourg", "67000", 48.5734, 7.7521),
        new("Bordeaux", "33000", 44.8378, -0.5792), new("Lille", "59000", 50.6292, 3.0573), new("Rennes", "35000", 48.1173, -1.6778),
        new("Reims", "51100", 49.2583, 4.0317), new("Toulon", "83000", 43.1242, 5.9280), new("Saint-Étienne", "42000", 45.4397, 4.3872),
        new("Le Havre", "76600", 49.4944, 0.1079), new("Grenoble", "38000", 45.1885, 5.7245), new("Dijon", "21000", 47.3220, 5.0415),
        new("Angers", "49000", 47.4784, -0.5632), new("Nîmes", "30000", 43.8367, 4.3601), new("Clermont-Ferrand", "63000", 45.7772, 3.0870),
        new("Aix-en-Provence", "13100", 43.5297, 5.4474), new("Le Mans", "72000", 48.0061, 0.1996), new("Brest", "29200", 48.3904, -4.4861),
        new("Tours", "37000", 47.3941, 0.6848), new("Amiens", "80000", 49.8941, 2.2958), new("Limoges", "87000", 45.8336, 1.2611),
        new("Annecy", "74000", 45.8992, 6.1294), new("Perpignan", "66000", 42.6887, 2.8948), new("Metz", "57000", 49.1193, 6.1757),
        new("Besançon", "25000", 47.2378, 6.0241), new("Orléans", "45000", 47.9030, 1.9093), new("Rouen", "76000", 49.4432, 1.0999),
        new("Mulhouse", "68100", 47.7508, 7.3359), new("Caen", "14000", 49.1829, -0.3707), new("Nancy", "54000", 48.6921, 6.1844),
        new("Avignon", "84000", 43.9493, 4.8055), new("Poitiers", "86000", 46.5802, 0.3404), new("La Rochelle", "17000", 46.1603, -1.1511),
        new("Pau", "64000", 43.2951, -0.3708), new("Bayonne", "64100", 43.4929, -1.4748),
    ];

    public static readonly Place[] Warehouses =
    [
        new("Marne-la-Vallée", "77700", 48.8566, 2.7800), new("Saint-Priest", "69800", 45.6960, 4.9440), new("Bordeaux-Bruges", "33520", 44.8830, -0.6110),
    ];
}
