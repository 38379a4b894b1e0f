// The Event Grid system topic of the storage account. Its subscriptions (BlobCreated to the blob extension's webhook,
// BlobDeleted to the app's /api/events/articles) need keys that exist only once the code is deployed, so
// hooks/postdeploy.sh creates them.

@description('Name of the system topic.')
param name string

@description('Azure region: a system topic lives in the region of its source, the storage account.')
param location string

@description('Tags applied to the topic.')
param tags object

@description('Name of the storage account whose blob events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the system topic.')
output name string = topic.name
