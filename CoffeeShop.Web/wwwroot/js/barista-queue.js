// /barista: new orders appear, moved orders change their status and buttons, finished ones leave, oldest first.
// Each card's buttons are ordinary forms that post and come back to this page, so they work as before.
(function () {
    "use strict";

    var queue = document.querySelector("[data-live-queue]");
    var template = document.getElementById("queue-card-template");
    if (!queue || !template || !window.signalR || !window.CoffeeShopLive) {
        return;
    }

    var moves = JSON.parse(queue.dataset.moves);
    var empty = document.querySelector("[data-live-queue-empty]");
    var announcer = document.querySelector("[data-live-announcer]");

    function cardOf(id) {
        return queue.querySelector("[data-order-id='" + id + "']");
    }

    function formatTime(iso) {
        return new Date(iso).toISOString().replace("T", " ").slice(0, 19) + "Z";
    }

    function renderMoves(card, order) {
        var buttons = card.querySelector("[data-moves]");
        var tokenField = template.content.querySelector("input[name='__RequestVerificationToken']");
        buttons.replaceChildren();
        (moves[order.status] || []).forEach(function (next) {
            var form = document.createElement("form");
            form.method = "post";
            form.action = "/barista/orders/" + order.id + "/status";
            form.appendChild(tokenField.cloneNode());
            var status = document.createElement("input");
            status.type = "hidden";
            status.name = "status";
            status.value = next;
            form.appendChild(status);
            var button = document.createElement("button");
            button.type = "submit";
            button.className = "btn " + (next === "Cancelled" ? "btn-outline-danger" : "btn-coffee");
            button.textContent = next === "Cancelled" ? "Cancel" : "Mark " + next;
            var hidden = document.createElement("span");
            hidden.className = "visually-hidden";
            hidden.textContent = " order #" + order.id;
            button.appendChild(hidden);
            form.appendChild(button);
            buttons.appendChild(form);
        });
    }

    // A line's size and options as the server writes them (OrderLineViewModel.Describe): "Large · Oat milk, 2 × Extra shot".
    function describe(line) {
        var size = line.size ? line.size.name : "";
        var options = (line.options || []).map(function (option) {
            return option.quantity > 1 ? option.quantity + " × " + option.name : option.name;
        }).join(", ");
        return options ? size + " · " + options : size;
    }

    function render(order) {
        var card = template.content.firstElementChild.cloneNode(true);
        card.dataset.orderId = order.id;
        card.dataset.createdAt = order.createdAt;
        card.querySelector("[data-field='customerName']").textContent = order.customerName;
        card.querySelector("[data-field='number']").textContent = "Order #" + order.id + " · " + formatTime(order.createdAt);
        var lines = card.querySelector("[data-field='lines']");
        order.lines.forEach(function (line) {
            var item = document.createElement("li");
            item.textContent = line.quantity + " × " + line.title + " ";
            var details = describe(line);
            if (details) {
                var span = document.createElement("span");
                span.className = "text-body-secondary";
                span.dataset.testid = "line-details";
                span.textContent = details;
                item.appendChild(span);
            }

            lines.appendChild(item);
        });
        var notes = card.querySelector("[data-field='notes']");
        if (order.notes) {
            notes.querySelector("[data-field='notesText']").textContent = " " + order.notes;
        } else {
            notes.remove();
        }

        update(card, order);
        return card;
    }

    function update(card, order) {
        card.querySelector("[data-order-status]").textContent = order.status;
        card.dataset.status = order.status;
        renderMoves(card, order);
    }

    // Oldest first: by creation time, then id, as the server lists them.
    function isAfter(card, order) {
        var created = Date.parse(card.dataset.createdAt);
        var orderCreated = Date.parse(order.createdAt);
        return created > orderCreated || (created === orderCreated && Number(card.dataset.orderId) > order.id);
    }

    function insert(card, order) {
        var next = Array.prototype.find.call(queue.children, function (existing) { return isAfter(existing, order); });
        queue.insertBefore(card, next || null);
    }

    function refreshEmpty() {
        if (empty) {
            empty.hidden = queue.children.length > 0;
        }
    }

    function placed(order) {
        if (cardOf(order.id)) {
            return;
        }

        insert(render(order), order);
        announcer.textContent = "New order from " + order.customerName + ".";
        refreshEmpty();
    }

    function updated(order) {
        var card = cardOf(order.id);
        if (CoffeeShopLive.isFinal(order.status)) {
            if (card) {
                card.remove();
            }
        } else if (card) {
            update(card, order);
        } else {
            insert(render(order), order);
        }

        announcer.textContent = "Order #" + order.id + " is now " + order.status + ".";
        refreshEmpty();
    }

    // After a reconnection the queue may have changed unseen: take the server's list again.
    var started = false;
    function resync() {
        if (!started) {
            started = true;
            return;
        }

        fetch(window.location.pathname, { credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-queue]");
                if (fresh) {
                    queue.replaceChildren.apply(queue, Array.prototype.slice.call(fresh.children));
                    refreshEmpty();
                }
            })
            .catch(function () { /* the next change or a reload will bring it */ });
    }

    CoffeeShopLive.connect({
        handlers: { orderPlaced: placed, orderUpdated: updated },
        onStart: resync,
    });
})();
