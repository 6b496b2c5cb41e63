#!/usr/bin/env bash
# Writes the gRPC request bodies the benchmark POSTs with h2load into the folder given as $1. A gRPC unary call is one
# HTTP/2 POST whose body is a 5-byte prefix (0 = not compressed, then the message length, big-endian) and the
# protobuf message. The messages are written by hand from CoffeeShop.Web/Protos/coffeeshop/v1/coffeeshop.proto:
#   list-menu-items.bin  ListMenuItemsRequest { page_size: 20 }             field 3 varint  -> 18 14
#   place-order.bin      PlaceOrderRequest { customer_name: "Ann",          field 1 string  -> 0a 03 41 6e 6e
#                          lines: [{ menu_item_id: 2, quantity: 1,         field 3 message -> 1a 17 08 02 10 01
#                                    size: "large",                          (line field 3)  -> 1a 05 "large"
#                                    options: [{ code: "oat-milk" }] }] }    (line field 4)  -> 22 0a 0a 08 "oat-milk"
# (the same order as eng/bench/post-order.lua sends to the JSON API: a large oat latte). Check one with:
#   protoc --decode=coffeeshop.v1.PlaceOrderRequest -I CoffeeShop.Web/Protos ... < <(tail -c +6 place-order.bin)
set -euo pipefail
dir=${1:?usage: grpc-payloads.sh DIR}
mkdir -p "$dir"
printf '\x00\x00\x00\x00\x02\x18\x14' > "$dir/list-menu-items.bin"
printf '\x00\x00\x00\x00\x1e\x0a\x03Ann\x1a\x17\x08\x02\x10\x01\x1a\x05large\x22\x0a\x0a\x08oat-milk' > "$dir/place-order.bin"
