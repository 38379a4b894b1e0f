#!/bin/sh
# Subscribes the function app to the blob events of its storage account, through the Event Grid system topic that
# main.bicep creates:
#   - Microsoft.Storage.BlobCreated under articles/ -> the blob extension's webhook, which runs PublishArticle
#     (a blob trigger with Source = EventGrid, the only kind Flex Consumption runs);
#   - Microsoft.Storage.BlobDeleted under articles/ -> POST /api/events/articles (ArticleBlobEvents), which unpublishes.
# Both webhook URLs carry keys (the blobs_extension system key, the function's key) that exist only once the code is
# deployed and the host has started, so this runs after the deploy: azd calls it as the postdeploy hook of azure.yaml;
# after an az CLI deployment run it by hand with the variables below set.
#
# Idempotent: `event-subscription create` is a create-or-update, so running it again re-points both subscriptions at the
# current keys (after a key rotation, for instance).
#
# Needs: az (signed in), curl. Reads: AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, EVENT_GRID_SYSTEM_TOPIC_NAME and
# ARTICLES_CONTAINER_NAME (outputs of main.bicep, which azd puts in the environment).
set -eu

resource_group="${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set (an output of infra/main.bicep)}"
app="${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set (an output of infra/main.bicep)}"
topic="${EVENT_GRID_SYSTEM_TOPIC_NAME:?EVENT_GRID_SYSTEM_TOPIC_NAME is not set (an output of infra/main.bicep)}"
container="${ARTICLES_CONTAINER_NAME:-articles}"

# As the app declares them in src/ContentPipeline.Functions (ContentPipeline.Infra.Tests checks that they still do).
publish_function="PublishArticle"
deleted_function="ArticleBlobEvents"
deleted_route="events/articles"

for tool in az curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "postdeploy: '$tool' is required (see infra/README.md)." >&2; exit 1; }
done

host="$(az functionapp show --resource-group "$resource_group" --name "$app" --query defaultHostName --output tsv)"

# Event Grid validates a webhook when the subscription is created, and gives up if the endpoint does not answer in
# time; wake the app first so that a cold start does not fail the handshake.
curl --silent --output /dev/null --max-time 60 "https://${host}/api/articles?limit=1" || true

# The host creates the blobs_extension key when it first starts with the blob extension loaded, and the function key
# once it has indexed the deployed functions: wait for both.
blobs_key=""
function_key=""
for attempt in $(seq 1 20); do
  blobs_key="$(az functionapp keys list --resource-group "$resource_group" --name "$app" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)"
  function_key="$(az functionapp function keys list --resource-group "$resource_group" --name "$app" \
    --function-name "$deleted_function" --query "default" --output tsv 2>/dev/null || true)"
  if [ -n "$blobs_key" ] && [ -n "$function_key" ]; then
    break
  fi
  echo "postdeploy: waiting for the keys of $app ($attempt/20)..."
  sleep 15
done
if [ -z "$blobs_key" ] || [ -z "$function_key" ]; then
  echo "postdeploy: $app has no blobs_extension system key or no key for $deleted_function; is the code deployed?" >&2
  exit 1
fi

subject="/blobServices/default/containers/${container}/blobs/"

subscribe() { # name, event type, endpoint
  echo "postdeploy: subscribing $2 under ${container}/ ($1)"
  # --output none: the endpoint URL holds a key.
  az eventgrid system-topic event-subscription create \
    --resource-group "$resource_group" \
    --system-topic-name "$topic" \
    --name "$1" \
    --endpoint-type webhook \
    --endpoint "$3" \
    --event-delivery-schema eventgridschema \
    --included-event-types "$2" \
    --subject-begins-with "$subject" \
    --output none
}

subscribe "articles-blob-created" "Microsoft.Storage.BlobCreated" \
  "https://${host}/runtime/webhooks/blobs?functionName=Host.Functions.${publish_function}&code=${blobs_key}"
subscribe "articles-blob-deleted" "Microsoft.Storage.BlobDeleted" \
  "https://${host}/api/${deleted_route}?code=${function_key}"

echo "postdeploy: blob events of ${container}/ are delivered to $app."
