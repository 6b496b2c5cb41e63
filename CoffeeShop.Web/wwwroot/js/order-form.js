// /order: each row's price and the total follow the choices at once. The amounts come from the data attributes the
// server renders (sizes' prices, options' deltas); the server prices the order again through the domain when it is
// placed, so this is a preview. Without this script, "Update total" asks the server for the same figures.
(function () {
    "use strict";

    var form = document.querySelector("[data-order-form]");
    if (!form) {
        return;
    }

    var money = new Intl.NumberFormat(form.dataset.locale || undefined, { style: "currency", currency: form.dataset.currency || "USD" });
    var totalOutput = form.querySelector("[data-order-total]");

    function cents(text) {
        return Math.round(Number(text || 0) * 100);
    }

    function count(input) {
        var value = parseInt(input.value, 10);
        return isNaN(value) || value < 0 ? 0 : value;
    }

    function lineCents(row) {
        var size = row.querySelector("[data-line-size]");
        var chosenSize = size && size.options[size.selectedIndex];
        var unit = chosenSize ? cents(chosenSize.dataset.price) : 0;
        row.querySelectorAll("[data-price-delta]").forEach(function (input) {
            if (input.disabled) {
                return;
            }

            var taken = input.type === "radio" || input.type === "checkbox" ? (input.checked ? 1 : 0) : count(input);
            unit += cents(input.dataset.priceDelta) * taken;
        });
        return unit * count(row.querySelector("[data-line-quantity]"));
    }

    function refresh() {
        var total = 0;
        form.querySelectorAll("[data-order-line]").forEach(function (row) {
            var amount = lineCents(row);
            total += amount;
            row.querySelector("[data-line-total]").textContent = money.format(amount / 100);
        });
        totalOutput.textContent = money.format(total / 100);
    }

    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    refresh();
})();
