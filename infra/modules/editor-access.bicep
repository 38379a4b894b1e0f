// Lets a person (or a pipeline) upload article sources straight into the storage account with their Microsoft Entra
// identity, e.g. `az storage blob upload --auth-mode login`, since shared keys are off.

@description('Name of the storage account.')
param storageAccountName string

@description('Object id of the principal.')
param principalId string

@description('Kind of principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string

var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource blobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageBlobDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      storageBlobDataContributorRoleId
    )
    principalId: principalId
    principalType: principalType
  }
}
